#!/usr/bin/env python3
"""Writes tests/NN.in and tests/NN.out for `bounded-knapsack`, deterministically (fixed seeds).

Run from anywhere: python3 content/problems/bounded-knapsack/gen.py

The expected answers come from a monotone-queue DP (O(n·W)), a different algorithm from the
reference solutions' binary splitting; on small cases it is checked against a brute force.
"""
import os
import random
from collections import deque

HERE = os.path.dirname(os.path.abspath(__file__))


def knapsack(capacity, items):
    """Bounded knapsack by monotone queue: for each weight w, capacities r, r+w, r+2w, ... form a
    chain and the best choice at position k is a sliding-window maximum of prev[r+t·w] − t·v
    over t in [k − count, k]."""
    best = [0] * (capacity + 1)
    for w, v, c in items:
        if c == 0 or w > capacity:
            continue
        prev = best[:]
        for r in range(min(w, capacity + 1)):
            q = deque()  # chain positions, keys decreasing
            k = 0
            while r + k * w <= capacity:
                key = prev[r + k * w] - k * v
                while q and q[-1][1] <= key:
                    q.pop()
                q.append((k, key))
                if q[0][0] < k - c:
                    q.popleft()
                best[r + k * w] = q[0][1] + k * v
                k += 1
    return best[capacity]


def brute(capacity, items):
    def rec(i, left):
        if i == len(items):
            return 0
        w, v, c = items[i]
        out, k = 0, 0
        while k <= c and k * w <= left:
            out = max(out, k * v + rec(i + 1, left - k * w))
            k += 1
        return out

    return rec(0, capacity)


def rand_items(rng, n, max_w, max_v, max_c, min_c=0):
    return [(rng.randint(1, max_w), rng.randint(0, max_v), rng.randint(min_c, max_c))
            for _ in range(n)]


def cases():
    # 01 sample: one job type; the count (not the capacity) is what stops you.
    yield 10, [(2, 5, 3)]
    # 02 sample: mixing types beats filling up with the densest one.
    yield 10, [(3, 40, 2), (4, 50, 3), (5, 55, 1)]
    # 03 sample: a type heavier than the window, a type with no jobs queued, a zero-value type.
    yield 7, [(8, 1000, 5), (1, 100, 0), (2, 0, 4), (3, 9, 2)]
    rng = random.Random(20251203)
    yield 0, [(1, 5, 3)]  # capacity 0: nothing fits
    yield 100, []  # no job types
    yield 1, [(1, 10**9, 10**4)]  # one copy of the most valuable job
    yield 10**4, [(1, 10**9, 10**4)]  # answer 10^13: needs 64 bits
    yield 10**4, [(10**5, 10**9, 10**4), (10**4, 1, 1)]  # heavier than the capacity
    # Unbounded would take 5 copies of the dense type; only 2 exist.
    yield 50, [(10, 100, 2), (7, 60, 10), (1, 5, 3)]
    # 0/1 would take each type once; counts allow more.
    yield 30, [(3, 10, 10), (5, 18, 4), (2, 6, 1)]
    # Counts that are powers of two and one less (binary-splitting boundaries).
    yield 200, [(3, 7, 1), (5, 12, 2), (7, 16, 3), (4, 9, 4), (6, 14, 7), (9, 21, 8),
                (11, 25, 15), (2, 4, 16), (13, 30, 31), (1, 2, 32)]
    # Small random cases (checked against the brute force below).
    for _ in range(4):
        yield rng.randint(0, 40), rand_items(rng, rng.randint(1, 4), 9, 50, 5)
    # Medium random.
    yield 1000, rand_items(rng, 30, 60, 10**6, 200)
    yield 5000, rand_items(rng, 60, 300, 10**9, 10**4)
    # Large: n = 100, W = 10^4, counts up to 10^4, light weights (expanding copies is hopeless).
    yield 10**4, rand_items(rng, 100, 40, 10**9, 10**4, 5000)
    yield 10**4, rand_items(rng, 100, 100, 10**6, 10**4, 8000)
    # Large: counts 2^k − 1 give the most pieces; near-equal density makes the choice delicate.
    items = []
    for _ in range(100):
        w = rng.randint(1, 60)
        items.append((w, w * 1000 + rng.randint(-50, 50), 8191))
    yield 10**4, items
    # Large: many item types with count 1 mixed with huge counts.
    items = rand_items(rng, 50, 500, 10**9, 1, 1) + rand_items(rng, 50, 30, 10**9, 10**4, 9000)
    rng.shuffle(items)
    yield 9973, items


def main():
    out = os.path.join(HERE, "tests")
    os.makedirs(out, exist_ok=True)
    for i, (cap, items) in enumerate(cases(), 1):
        ans = knapsack(cap, items)
        if cap <= 60 and sum(c for _, _, c in items) <= 40:
            assert ans == brute(cap, items), (i, cap, items)
        with open(os.path.join(out, f"{i:02}.in"), "w") as f:
            f.write(f"{cap} {len(items)}\n")
            f.write("".join(f"{w} {v} {c}\n" for w, v, c in items))
        with open(os.path.join(out, f"{i:02}.out"), "w") as f:
            f.write(f"{ans}\n")


if __name__ == "__main__":
    main()
