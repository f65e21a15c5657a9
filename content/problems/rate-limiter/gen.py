#!/usr/bin/env python3
"""Writes tests/NN.in and tests/NN.out for `rate-limiter`, deterministically (fixed seeds).

Run from anywhere: python3 content/problems/rate-limiter/gen.py
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def decide(capacity, rate, requests):
    """Token buckets in milli-tokens: rate tokens/s is exactly rate milli-tokens/ms."""
    full = capacity * 1000
    level, last = {}, {}
    out = []
    for t, m, cost in requests:
        if m not in level:
            level[m] = full  # a merchant seen for the first time starts full
        else:
            level[m] = min(full, level[m] + (t - last[m]) * rate)
        last[m] = t
        if level[m] >= cost * 1000:
            level[m] -= cost * 1000
            out.append("A")
        else:
            out.append("R")
    return out


def ids(rng, k, length=4):
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    seen = set()
    while len(seen) < k:
        seen.add("".join(rng.choice(alphabet) for _ in range(rng.randint(1, length))))
    return sorted(seen)


def random_stream(rng, n, merchants, max_gap, max_cost, start=0):
    t = start
    reqs = []
    for _ in range(n):
        t += rng.randint(0, max_gap)
        reqs.append((t, rng.choice(merchants), rng.randint(1, max_cost)))
    return reqs


def cases():
    # 01 sample: refill by milliseconds, and a new merchant starts with a full bucket.
    yield 2, 1, [(0, "acme", 1), (0, "acme", 1), (0, "acme", 1), (500, "acme", 1),
                 (1000, "acme", 1), (1000, "shop-7", 2)]
    # 02 sample: the bucket never holds more than its capacity; a cost above it never passes.
    yield 3, 2, [(0, "m1", 3), (10000, "m1", 3), (10000, "m1", 1), (10000, "m2", 4),
                 (10500, "m1", 1)]
    # 03 sample: fractions of a second accumulate (whole-second refill loses them).
    yield 2, 1, [(0, "a", 2), (1999, "a", 1), (2500, "a", 1), (2600, "a", 1)]
    rng = random.Random(20251202)
    yield 5, 5, []  # no requests
    yield 1, 1, [(7, "x", 1)]  # one request
    yield 1, 1, [(0, "x", 2)]  # cost above capacity, even on a full bucket
    # All requests at the same millisecond: exactly `capacity` unit requests pass per merchant.
    yield 4, 1000, [(42, m, 1) for m in ["a", "b"] * 6]
    # Large numbers: capacity 10^9, rate 10^6, timestamps near 10^9 (products need 64 bits).
    big = [(0, "whale", 10**9), (1, "whale", 1), (999_999_999, "whale", 10**9),
           (999_999_999, "whale", 1), (10**9, "whale", 1), (10**9, "minnow", 10**9)]
    yield 10**9, 10**6, big
    # Slow refill, precise boundaries: rate 3/s means one token every 333.33 ms.
    yield 2, 3, [(0, "p", 2), (333, "p", 1), (334, "p", 1), (667, "p", 1), (1000, "p", 1),
                 (1001, "p", 1), (1667, "p", 1), (1667, "q", 1)]
    # Many merchants, each seen once or twice: the first sighting must be full.
    ms = ids(rng, 300)
    yield 3, 1, random_stream(rng, 800, ms, 3, 3)
    yield 10, 7, random_stream(rng, 2000, ids(rng, 20), 50, 4)
    yield 1, 1, random_stream(rng, 2000, ["solo"], 1500, 1)
    yield 100, 3, random_stream(rng, 3000, ids(rng, 5), 20, 30)
    yield 5, 2, random_stream(rng, 3000, ids(rng, 40), 400, 5)
    # Gaps long enough to overfill an uncapped bucket, then a burst.
    reqs = []
    t = 0
    for _ in range(150):
        t += rng.randint(5000, 20000)
        for _ in range(rng.randint(1, 12)):
            reqs.append((t, "burst", 1))
            t += rng.randint(0, 2)
    yield 4, 1, reqs
    yield 6, 1000, random_stream(rng, 4000, ids(rng, 3), 2, 3)
    # Large: one merchant, 30 000 requests (replaying history per request is quadratic).
    yield 50, 40, random_stream(rng, 30_000, ["hot"], 40, 2)
    # Large: 30 000 requests over 15 000 merchants (a list scanned per request is too slow).
    yield 3, 2, random_stream(rng, 30_000, ids(rng, 12_000, 4), 3, 2)
    # Large: a few heavy merchants with fractional refills.
    yield 20, 7, random_stream(rng, 30_000, ids(rng, 8), 12, 3)
    # Medium: every request from a distinct merchant (all allowed when cost <= capacity).
    yield 2, 1, [(i, f"u{i}", 1 + i % 3) for i in range(5000)]


def main():
    out = os.path.join(HERE, "tests")
    os.makedirs(out, exist_ok=True)
    for i, (cap, rate, reqs) in enumerate(cases(), 1):
        with open(os.path.join(out, f"{i:02}.in"), "w") as f:
            f.write(f"{cap} {rate} {len(reqs)}\n")
            f.write("".join(f"{t} {m} {c}\n" for t, m, c in reqs))
        with open(os.path.join(out, f"{i:02}.out"), "w") as f:
            f.write("".join(f"{d}\n" for d in decide(cap, rate, reqs)))


if __name__ == "__main__":
    main()
