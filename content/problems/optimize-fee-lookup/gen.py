#!/usr/bin/env python3
"""Writes tests/NN.in and tests/NN.out for `optimize-fee-lookup`, deterministically (fixed seeds).

Run from anywhere: python3 content/problems/optimize-fee-lookup/gen.py
"""
import bisect
import heapq
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))

# Specificity levels, most specific first: (exact, exact), (exact, *), (*, exact), (*, *).
LEVELS = [(False, False), (False, True), (True, False), (True, True)]


def fee(amount, bps, fixed):
    return (amount * bps + 5000) // 10000 + fixed  # half up: x.5 cents round away from zero


def brute(rules, payments):
    """The definition, O(R·Q): used to check the fast model on the small tests."""
    out = []
    for net, cty, amount in payments:
        best = None
        for i, (rn, rc, lo, hi, bps, fixed) in enumerate(rules):
            if rn not in ("*", net) or rc not in ("*", cty) or not lo <= amount < hi:
                continue
            key = (LEVELS.index((rn == "*", rc == "*")), hi - lo, i)
            if best is None or key < best[0]:
                best = (key, bps, fixed)
        out.append(None if best is None else fee(amount, best[1], best[2]))
    return out


def index(rules):
    """Per (network, country) group: elementary segments and the winning rule on each."""
    groups = {}
    for i, r in enumerate(rules):
        groups.setdefault((r[0], r[1]), []).append(i)
    table = {}
    for key, ids in groups.items():
        xs = sorted({rules[i][2] for i in ids} | {rules[i][3] for i in ids})
        by_lo = sorted(ids, key=lambda i: rules[i][2])
        heap, best, p = [], [], 0
        for x in xs:
            while p < len(by_lo) and rules[by_lo[p]][2] <= x:
                i = by_lo[p]
                heapq.heappush(heap, (rules[i][3] - rules[i][2], i))
                p += 1
            while heap and rules[heap[0][1]][3] <= x:
                heapq.heappop(heap)
            best.append(heap[0][1] if heap else None)
        table[key] = (xs, best)
    return table


def quote(rules, payments):
    table = index(rules)
    out = []
    for net, cty, amount in payments:
        res = None
        for key in ((net, cty), (net, "*"), ("*", cty), ("*", "*")):
            if key not in table:
                continue
            xs, best = table[key]
            j = bisect.bisect_right(xs, amount) - 1
            if j >= 0 and best[j] is not None:
                r = rules[best[j]]
                res = fee(amount, r[4], r[5])
                break
        out.append(res)
    return out


NETS = ["visa", "mc", "amex", "rupay", "disc", "jcb", "unionpay", "diners"]
CTYS = ["IN", "US", "GB", "DE", "SG", "AE", "FR", "JP", "BR", "AU"]


def rand_rule(rng, nets, ctys, wild, max_amount, max_width):
    n = "*" if rng.random() < wild else rng.choice(nets)
    c = "*" if rng.random() < wild else rng.choice(ctys)
    lo = rng.randint(0, max_amount)
    hi = lo + rng.randint(1, max_width)
    return (n, c, lo, hi, rng.randint(0, 400), rng.randint(0, 50))


def tiers(rng, n, c, k, top):
    """A merchant's tier ladder: consecutive ranges covering [0, top)."""
    cuts = sorted(rng.sample(range(1, top), k - 1))
    bounds = [0] + cuts + [top]
    return [(n, c, bounds[i], bounds[i + 1], rng.randint(50, 350), rng.randint(0, 40))
            for i in range(k)]


def payments(rng, q, nets, ctys, max_amount):
    return [(rng.choice(nets), rng.choice(ctys), rng.randint(1, max_amount)) for _ in range(q)]


def cases():
    # 01 sample: amount tiers, max exclusive, half-up rounding.
    yield ([("visa", "IN", 0, 10000, 200, 0), ("visa", "IN", 10000, 100000, 150, 30)],
           [("visa", "IN", 9999), ("visa", "IN", 10000), ("visa", "IN", 2025),
            ("visa", "IN", 100000)])
    # 02 sample: exact network + country, then network + '*', then '*' + country, then '*' + '*'.
    yield ([("*", "*", 0, 10**6, 300, 25), ("*", "IN", 0, 10**6, 250, 20),
            ("mc", "*", 0, 10**6, 220, 15), ("mc", "IN", 0, 100_000, 180, 10),
            ("mc", "IN", 500, 1000, 100, 0)],
           [("mc", "IN", 700), ("mc", "IN", 5000), ("mc", "US", 5000), ("visa", "IN", 5000),
            ("visa", "US", 5000), ("mc", "IN", 200_000), ("amex", "GB", 2_000_000)])
    # 03 sample: overlapping rules: the narrowest range wins, then the lowest index.
    yield ([("amex", "*", 0, 50000, 350, 0), ("amex", "*", 1000, 5000, 300, 0),
            ("amex", "*", 2000, 6000, 290, 0), ("amex", "*", 4000, 8000, 280, 5)],
           [("amex", "US", 1500), ("amex", "US", 4500), ("amex", "US", 5000),
            ("amex", "US", 7999), ("amex", "US", 8000)])
    rng = random.Random(20251204)
    yield [], [("visa", "IN", 100), ("mc", "US", 1)]  # no rules: nothing matches
    yield [("visa", "IN", 0, 10, 100, 1)], []  # no payments
    yield [("jcb", "JP", 100, 101, 10000, 7)], [("jcb", "JP", 100), ("jcb", "JP", 101),
                                              ("jcb", "JP", 99), ("jcb", "KR", 100)]
    # Rounding: remainders just below, at and above one half cent.
    yield ([("*", "*", 0, 10**7, 1, 0), ("visa", "*", 0, 10**7, 3, 0), ("mc", "*", 0, 10**7, 7, 0)],
           [("amex", "US", a) for a in (4999, 5000, 5001, 14999, 15000, 1)] +
           [("visa", "GB", a) for a in (1666, 1667, 5000, 15000, 8333)] +
           [("mc", "DE", a) for a in (714, 715, 2143, 2142, 10000)])
    # Extremes: amounts up to 10^12, 100% fees, large fixed parts; the total needs 64 bits.
    big = [("*", "*", 0, 10**12 + 1, 10000, 10**6), ("visa", "US", 10**11, 10**12 + 1, 9999, 999_999)]
    yield big, [("visa", "US", 10**12 - i) for i in range(500)] + \
               [("mc", "BR", 10**12 - 7 * i) for i in range(500)]
    # Duplicate rules: identical ranges, the lowest index wins.
    dup = [("rupay", "IN", 0, 1000, 100 + i, i) for i in range(50)]
    yield dup, payments(rng, 300, ["rupay"], ["IN"], 1200)
    # Only wildcards, with nested ranges of many widths.
    yield ([("*", "*", 1000 - 10 * i, 1000 + 10 * i + 1, 10 + i, i % 7) for i in range(100)],
           payments(rng, 2000, NETS, CTYS, 2200))
    # Nested ladders at every level for one network and country.
    nest = []
    for n, c in (("visa", "IN"), ("visa", "*"), ("*", "IN"), ("*", "*")):
        for w in range(1, 60):
            lo = rng.randint(0, 5000)
            nest.append((n, c, lo, lo + w * 97, rng.randint(0, 300), rng.randint(0, 9)))
    rng.shuffle(nest)
    yield nest, payments(rng, 3000, ["visa", "mc"], ["IN", "US"], 11000)
    # Random rule sets of several shapes.
    for r, q, nets, ctys, wild, amax, width in (
            (300, 2000, NETS[:3], CTYS[:3], 0.3, 100_000, 30_000),
            (800, 3000, NETS, CTYS, 0.15, 1_000_000, 200_000),
            (1500, 3000, NETS[:2], CTYS[:2], 0.5, 50_000, 500),
            (2000, 4000, NETS, CTYS, 0.05, 10**9, 10**8),
            (600, 4000, NETS[:4], CTYS[:5], 0.25, 10_000, 10_000)):
        rules = [rand_rule(rng, nets, ctys, wild, amax, width) for _ in range(r)]
        yield rules, payments(rng, q, nets, ctys, amax + width)
    # Exact groups exist but never cover the amount: everything falls through to '*' + '*'.
    rules = [(n, c, 0, 100, 1, 1) for n in NETS for c in CTYS] + [("*", "*", 0, 10**6, 123, 4)]
    rules += [(n, "*", 10**6, 2 * 10**6, 50, 0) for n in NETS] + [("*", c, 100, 200, 9, 9) for c in CTYS[:1]]
    yield rules, payments(rng, 3000, NETS, CTYS[1:], 10**6 - 1)
    # Many equal widths overlapping: the index breaks the ties.
    rules = []
    for _ in range(1200):
        n, c = rng.choice([("visa", "IN"), ("visa", "*"), ("*", "*")])
        lo = rng.randrange(0, 20_000, 50)
        rules.append((n, c, lo, lo + rng.choice([100, 200]), rng.randint(0, 500), rng.randint(0, 20)))
    yield rules, payments(rng, 3000, ["visa", "mc"], ["IN", "GB"], 20_300)
    # Merchant tier ladders per (network, country), with wildcard fallbacks underneath.
    rules = []
    for n in NETS[:5]:
        for c in CTYS[:6]:
            rules += tiers(rng, n, c, rng.randint(3, 12), 200_000)
    rules += tiers(rng, "*", "*", 20, 400_000)
    rng.shuffle(rules)
    yield rules, payments(rng, 4000, NETS, CTYS, 450_000)
    # Large: 6 000 rules in a handful of big groups, 16 000 payments (a scan per payment is
    # quadratic; so is a linear scan of each group's tiers).
    rules = []
    for n, c in (("visa", "IN"), ("visa", "*"), ("mc", "US"), ("*", "IN"), ("*", "*")):
        rules += tiers(rng, n, c, 700, 1_000_000)
        rules += [rand_rule(rng, [n], [c], 0.0, 1_000_000, 20_000) for _ in range(500)]
    rng.shuffle(rules)
    yield rules, payments(rng, 16_000, ["visa", "mc", "amex"], ["IN", "US", "GB"], 1_100_000)
    # Large: 5 000 rules over many groups, 12 000 payments.
    rules = [rand_rule(rng, NETS, CTYS, 0.1, 1_000_000, 100_000) for _ in range(5000)]
    yield rules, payments(rng, 12_000, NETS, CTYS, 1_100_000)


def main():
    out = os.path.join(HERE, "tests")
    os.makedirs(out, exist_ok=True)
    for i, (rules, pays) in enumerate(cases(), 1):
        fees = quote(rules, pays)
        if len(rules) * len(pays) <= 10**7:
            assert fees == brute(rules, pays), f"test {i}: model disagrees with the definition"
        with open(os.path.join(out, f"{i:02}.in"), "w") as f:
            f.write(f"{len(rules)}\n")
            f.write("".join(f"{n} {c} {lo} {hi} {b} {x}\n" for n, c, lo, hi, b, x in rules))
            f.write(f"{len(pays)}\n")
            f.write("".join(f"{n} {c} {a}\n" for n, c, a in pays))
        with open(os.path.join(out, f"{i:02}.out"), "w") as f:
            f.write("".join("none\n" if x is None else f"{x}\n" for x in fees))
            f.write(f"total {sum(x for x in fees if x is not None)}\n")


if __name__ == "__main__":
    main()
