#!/usr/bin/env python3
"""Writes tests/NN.in and tests/NN.out for `double-entry-ledger`, deterministically (fixed seeds).

Run from anywhere: python3 content/problems/double-entry-ledger/gen.py
The expected outputs come from the Python model below; solutions/ref.rs and ref.go agree on every test.
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def solve(kinds, events):
    """events: ("T", [(account, signed amount)]) or ("Q", account, after)."""
    m = len(kinds)
    raw = [0] * m  # debits minus credits
    hist = [[(0, 0)] for _ in range(m)]  # (transaction number, balance after it)
    out = []
    t = 0

    def bal(a, r):
        return r if kinds[a] == "A" else -r

    for ev in events:
        if ev[0] == "Q":
            _, a, after = ev
            h = hist[a]
            lo, hi = 0, len(h) - 1
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if h[mid][0] <= after:
                    lo = mid
                else:
                    hi = mid - 1
            out.append(str(h[lo][1]))
            continue
        t += 1
        postings = ev[1]
        if sum(x for _, x in postings) != 0:
            out.append("REJECTED UNBALANCED")
            continue
        net = {}
        for a, x in postings:
            net[a] = net.get(a, 0) + x
        bad = [a for a, x in net.items() if kinds[a] == "W" and -(raw[a] + x) < 0]
        if bad:
            out.append(f"REJECTED INSUFFICIENT_FUNDS {min(bad)}")
            continue
        for a, x in net.items():
            if x != 0:
                raw[a] += x
                hist[a].append((t, bal(a, raw[a])))
        out.append("ACCEPTED")
    return out


def write(idx, kinds, events):
    lines = [f"{len(kinds)} {len(events)}", kinds]
    for ev in events:
        if ev[0] == "Q":
            lines.append(f"Q {ev[1]} {ev[2]}")
        else:
            parts = [f"T {len(ev[1])}"]
            for a, x in ev[1]:
                parts.append(f"{a} D {x}" if x > 0 else f"{a} C {-x}")
            lines.append(" ".join(parts))
    with open(os.path.join(HERE, "tests", f"{idx:02}.in"), "w") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(HERE, "tests", f"{idx:02}.out"), "w") as f:
        out = solve(kinds, events)
        f.write("".join(s + "\n" for s in out))


def T(*ps):
    return ("T", list(ps))


def Q(a, t):
    return ("Q", a, t)


def random_case(rng, m, n_events, max_amount, p_query, p_bad, max_k, wallets=0.4):
    """A mix of balanced entries (funding, transfers, payouts), some unbalanced, and queries."""
    kinds = "".join(
        "W" if rng.random() < wallets else rng.choice("AL") for _ in range(m)
    )
    events = []
    t = 0
    budget = 200_000
    while len(events) < n_events and budget > 0:
        if t > 0 and rng.random() < p_query:
            events.append(Q(rng.randrange(m), rng.randint(0, t)))
            continue
        k = rng.randint(2, max_k)
        k = min(k, budget)
        if k < 2:
            break
        budget -= k
        # k-1 random postings, the last one balances them (usually).
        ps = []
        for _ in range(k - 1):
            x = rng.randint(1, max_amount)
            ps.append((rng.randrange(m), x if rng.random() < 0.5 else -x))
        s = sum(x for _, x in ps)
        if s == 0:
            ps.append((rng.randrange(m), rng.randint(1, max_amount)))  # unbalanced
        else:
            last = -s
            if rng.random() < p_bad:
                last += rng.choice([-1, 1]) * rng.randint(1, 3)
                if last == 0:
                    last = 1
            ps.append((rng.randrange(m), last))
        rng.shuffle(ps)
        events.append(("T", ps))
        t += 1
    return kinds, events


def wallet_flow(rng, n_wallets, n_events, max_amount, p_query):
    """Account 0 is the bank (ASSET), 1 fees (LIABILITY), then customer wallets.

    Top-ups, wallet-to-wallet transfers with a fee, and withdrawals, some of which overdraw.
    """
    kinds = "AL" + "W" * n_wallets
    m = len(kinds)
    events = []
    t = 0
    budget = 200_000
    while len(events) < n_events and budget >= 4:
        if t > 0 and rng.random() < p_query:
            events.append(Q(rng.randrange(m), rng.randint(max(0, t - 50), t)))
            continue
        r = rng.random()
        w = rng.randrange(2, m)
        x = rng.randint(1, max_amount)
        if r < 0.35:  # top-up: bank debit, wallet credit
            ps = [(0, x), (w, -x)]
        elif r < 0.75:  # transfer with a fee from w to v
            v = rng.randrange(2, m)
            fee = x // 100
            ps = [(w, x + fee), (v, -x), (1, -fee)]
        elif r < 0.95:  # withdrawal
            ps = [(w, x), (0, -x)]
        else:  # a refund reversed in the same entry: touches w twice
            ps = [(w, x), (w, -x), (0, x), (1, -x)]
        rng.shuffle(ps)
        budget -= len(ps)
        events.append(("T", ps))
        t += 1
    return kinds, events


def cases():
    # 01 sample: the lesson's capture, settlement and buggy payout, plus queries.
    # 0 acquirer_receivable (A), 1 bank_cash (A), 2 merchant_payable (L), 3 fee_revenue (L), 4 gst (L)
    yield "AALLL", [
        T((0, 50000), (2, -48820), (3, -1000), (4, -180)),
        T((1, 50000), (0, -50000)),
        T((2, 48820), (1, -49000)),
        Q(1, 2), Q(2, 3), Q(0, 1), Q(0, 0),
    ]
    # 02 sample: a wallet (W) cannot go below zero; the whole entry is rejected.
    yield "AWW", [
        T((0, 700), (1, -700)),
        T((1, 500), (2, -500)),
        T((1, 300), (2, -300)),
        T((2, 200), (1, -200), (1, 400), (2, -400)),
        Q(1, 4), Q(2, 4), Q(2, 2),
    ]
    # 03 sample: unbalanced is checked first; an account twice in an entry nets out.
    yield "WA", [
        T((0, 100), (1, -100)),
        T((1, 100), (0, -100), (0, 50), (0, -50)),
        T((0, -10), (1, 10)),
        Q(0, 3), Q(1, 3),
    ]
    # 04: one transaction of one posting: always unbalanced.
    yield "A", [T((0, 5)), Q(0, 1), Q(0, 0)]
    # 05: no events at all.
    yield "L", []
    # 06: only queries at time 0.
    yield "AWL", [Q(0, 0), Q(1, 0), Q(2, 0)]
    # 07: several wallets overdrawn in one entry: report the smallest id.
    yield "AWWWW", [
        T((0, 10), (4, -10)),
        T((4, 10), (3, 5), (1, 5), (2, 5), (0, -25)),
        T((4, 10), (3, 1), (0, -11)),
        T((4, 10), (0, -10)),
        Q(4, 4), Q(4, 3), Q(0, 4),
    ]
    # 08: a wallet brought exactly to zero is fine; one cent below is not.
    yield "WA", [
        T((1, 1000), (0, -1000)),
        T((0, 1000), (1, -1000)),
        T((1, 1), (0, -1)),
        T((0, 1001), (1, -1001)),
        Q(0, 1), Q(0, 2), Q(0, 4),
    ]
    # 09: amounts near 10^12; balances far beyond 2^31.
    big = 10**12
    yield "AAWL", [
        T((0, big), (2, -big)),
        T((0, big), (2, -big)),
        T((0, big), (1, big), (2, -big), (3, -big), (3, -big)),
        T((2, 3 * big), (1, -3 * big)),
        T((2, 1), (1, -1)),
        Q(0, 5), Q(1, 5), Q(2, 5), Q(3, 5), Q(2, 3),
    ]
    # 10: each amount fits in i32, but the sums of an entry and the balances do not.
    ps = [(0, 2_000_000_000) for _ in range(3)] + [(1, -2_000_000_000) for _ in range(3)]
    yield "AW", [T(*ps), T(*ps), Q(0, 2), Q(1, 2), T((0, 2_000_000_000), (0, 2_000_000_000), (0, 294_967_296), (1, -294_967_296)), Q(0, 3)]
    # 11: debits and credits that only balance modulo 2^32 (an i32 sum says 0), then a true balance.
    yield "AL", [T((0, 4_294_967_297), (1, -1)), T((0, 2_147_483_647), (0, 2_147_483_649), (1, -4_294_967_296)), Q(0, 2), Q(1, 2)]
    rng = random.Random(20260601)
    # 12-14: small random mixes.
    yield random_case(rng, 5, 40, 100, 0.3, 0.2, 4)
    yield random_case(rng, 3, 60, 10, 0.3, 0.1, 6, wallets=0.7)
    yield random_case(rng, 8, 80, 2_000_000_000, 0.3, 0.2, 5)
    # 15: wallets with fees, small.
    yield wallet_flow(rng, 4, 200, 1000, 0.2)
    # 16: large wallet flow, many recent-history queries.
    yield wallet_flow(rng, 300, 8000, 10**6, 0.5)
    # 17: large random mix, amounts up to 10^12, many accounts.
    yield random_case(rng, 1000, 6000, 10**10, 0.5, 0.1, 3)
    # 18: few hot accounts, long histories, queries anywhere in the past.
    yield random_case(rng, 4, 8000, 2_000_000_000, 0.5, 0.05, 2, wallets=0.25)
    # 19: one huge entry of 12 000 postings (balanced), then queries.
    n = 12_000
    ps = [(i % 1000, 1_000_000_007 if i % 2 == 0 else -1_000_000_007) for i in range(n)]
    yield "A" * 500 + "L" * 500, [T(*ps)] + [Q(i % 1000, 1) for i in range(0, 2000, 2)]
    # 20: many unbalanced-by-one entries mixed with good ones (a partial application drifts).
    yield random_case(rng, 50, 6000, 10**6, 0.3, 0.5, 2, wallets=0.5)
    # 21: entries of 10 postings, then many queries about the recent past: re-adding the
    # postings for each query (O(P·Q)) is far too slow.
    kinds = "AALLALLAAL"
    events = []
    for i in range(2_000):
        ps = []
        for _ in range(5):
            x = rng.randint(1, 9)
            ps += [(rng.randrange(10), x), (rng.randrange(10), -x)]
        events.append(T(*ps))
    for i in range(20_000):
        events.append(Q(rng.randrange(10), rng.randint(1_900, 2_000)))
    yield kinds, events


def main():
    os.makedirs(os.path.join(HERE, "tests"), exist_ok=True)
    for i, (kinds, events) in enumerate(cases(), 1):
        write(i, kinds, events)


if __name__ == "__main__":
    main()
