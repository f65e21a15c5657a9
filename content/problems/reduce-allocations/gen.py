#!/usr/bin/env python3
"""Writes tests/NN.in and tests/NN.out for `reduce-allocations`, deterministically (fixed seeds).

Each .in is the settlement batch itself (the driver passes all of stdin to the function).
Run from anywhere: python3 content/problems/reduce-allocations/gen.py
"""
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
AMOUNT = re.compile(r"-?[0-9]{1,12}")
CURRENCY = re.compile(r"[A-Z]{3}")


def settle(batch):
    """Net per (merchant, currency) over the valid lines, and the number of rejected lines."""
    net, rejected = {}, 0
    for line in batch.split("\n"):
        if line == "":
            continue  # blank lines (and the end of the batch) are ignored
        fields = line.split(",")
        if (len(fields) != 3 or fields[0] == "" or not AMOUNT.fullmatch(fields[1])
                or not CURRENCY.fullmatch(fields[2])):
            rejected += 1
            continue
        key = (fields[0], fields[2])
        net[key] = net.get(key, 0) + int(fields[1])
    rows = sorted(net, key=lambda k: (k[0].encode(), k[1].encode()))
    return [f"{m} {c} {net[(m, c)]}" for m, c in rows] + [f"rejected {rejected}"]


def ids(rng, k, length):
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789_-"
    seen = set()
    while len(seen) < k:
        seen.add(rng.choice("abcdefghijklmnopqrstuvwxyz")
                 + "".join(rng.choice(alphabet) for _ in range(rng.randint(0, length - 1))))
    return sorted(seen)


BAD = ["acme,12.50,EUR", "acme,,EUR", "acme,100,eur", "acme,100", "acme,100,EUR,x", ",100,EUR",
       "acme,-,EUR", "acme,1234567890123,EUR", "acme,+5,EUR", "acme, 5,EUR", "acme,5,EURO",
       "acme,5,EU", "acme,--5,EUR", "acme,5-,EUR", "garbage", ",,", "acme,5,E1R"]


def batch(rng, n, merchants, currencies, max_amount, bad=0.0, refunds=0.1, blank=0.0):
    lines = []
    for _ in range(n):
        r = rng.random()
        if r < bad:
            lines.append(rng.choice(BAD))
        elif r < bad + blank:
            lines.append("")
        else:
            a = rng.randint(0, max_amount)
            if rng.random() < refunds:
                a = -a
            lines.append(f"{rng.choice(merchants)},{a},{rng.choice(currencies)}")
    return "\n".join(lines) + "\n"


def cases():
    # 01 sample: nets per merchant and currency, refunds are negative.
    yield ("acme,1250,EUR\n"
           "shop-7,990,USD\n"
           "acme,-250,EUR\n"
           "acme,500,USD\n"
           "shop-7,10,USD\n")
    # 02 sample: malformed lines are rejected, blank lines ignored.
    yield ("acme,1000,EUR\n"
           "acme,12.50,EUR\n"
           "\n"
           "acme,100,eur\n"
           "beta,-0,GBP\n"
           "beta,7,GBP,extra\n"
           ",5,EUR\n"
           "acme,-1000,EUR\n")
    # 03 sample: no trailing newline; 12 digits is the most an amount may have.
    yield "m1,999999999999,JPY\nm1,999999999999,JPY\nm1,1000000000000,JPY"
    rng = random.Random(20250612)
    yield ""  # empty batch
    yield "\n\n\n"  # only blank lines
    yield "solo,42,CHF\n"  # one line
    yield "".join(b + "\n" for b in BAD)  # every kind of malformed line, nothing valid
    # Amounts near the limits: the sum of many 12-digit amounts needs 64 bits.
    yield "".join(f"whale,{999_999_999_999 - i},USD\nwhale,-{i},EUR\n" for i in range(500))
    # Merchant ids that are prefixes of each other, and byte order ("Z" < "a" does not apply:
    # ids are lowercase, but "-" < "0" < "_" < "a").
    yield "".join(f"{m},{i},EUR\n" for i, m in enumerate(["a", "a-", "a0", "a_", "ab", "a", "b"]))
    # Leading zeros are fine.
    yield "z,0007,SEK\nz,-0003,SEK\nz,000000000000,NOK\n"
    # A pair whose lines cancel out is still reported, with 0.
    yield "p,500,EUR\np,-500,EUR\nq,1,EUR\nq,1,USD\n"
    # The same merchant in many currencies, and one currency shared by many merchants.
    yield "".join(f"multi,{i},{c}\n" for i, c in enumerate(["AAA", "ZZZ", "EUR", "EUR", "AZA"]))
    yield batch(rng, 200, ids(rng, 10, 6), ["EUR", "USD"], 10**6, bad=0.1, blank=0.05)
    yield batch(rng, 1000, ids(rng, 50, 8), ["EUR", "USD", "GBP", "JPY"], 10**9, bad=0.02)
    yield batch(rng, 2000, ids(rng, 3, 4), ["EUR"], 10**12 - 1, refunds=0.5)
    # Medium: every line its own pair (allocating per pair is within the budget).
    yield "".join(f"m{i},{i},EUR\n" for i in range(3000))
    # Large: 30 000 lines over 120 pairs: allocating per line blows the budget.
    yield batch(rng, 30_000, ids(rng, 40, 6), ["EUR", "USD", "GBP"], 10**5, bad=0.003)
    # Large: one merchant, one currency, 20 000 lines.
    yield batch(rng, 20_000, ["hot"], ["EUR"], 10**4, refunds=0.3)
    # Large: 15 000 lines over 5 000 pairs, some malformed.
    yield batch(rng, 15_000, ids(rng, 2500, 5), ["EUR", "USD"], 10**6, bad=0.01)
    # Large: 15 000 lines, 600 merchants, long amounts.
    yield batch(rng, 15_000, ids(rng, 600, 3), ["EUR"], 10**12 - 1, refunds=0.4, blank=0.01)
    # Medium: 5 000 lines, 20 pairs.
    yield batch(rng, 5000, ids(rng, 10, 10), ["EUR", "DKK"], 10**8, bad=0.02)


def main():
    out = os.path.join(HERE, "tests")
    os.makedirs(out, exist_ok=True)
    for i, text in enumerate(cases(), 1):
        with open(os.path.join(out, f"{i:02}.in"), "w") as f:
            f.write(text)
        with open(os.path.join(out, f"{i:02}.out"), "w") as f:
            f.write("".join(line + "\n" for line in settle(text)))


if __name__ == "__main__":
    main()
