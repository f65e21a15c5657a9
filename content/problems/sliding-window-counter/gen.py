#!/usr/bin/env python3
"""Writes tests/NN.in and tests/NN.out for `sliding-window-counter`, deterministically.

Run from anywhere: python3 content/problems/sliding-window-counter/gen.py
"""
import collections
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def features(window, limit, events):
    """Per event: count and sum of that card's events with time in (t - window, t]."""
    queues = collections.defaultdict(collections.deque)
    sums = collections.defaultdict(int)
    out = []
    for t, card, amount in events:
        q = queues[card]
        q.append((t, amount))
        sums[card] += amount
        while q[0][0] <= t - window:
            sums[card] -= q.popleft()[1]
        out.append((len(q), sums[card], len(q) > limit))
    return out


def ids(rng, k, length=4):
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    seen = set()
    while len(seen) < k:
        seen.add("c" + "".join(rng.choice(alphabet) for _ in range(rng.randint(1, length))))
    return sorted(seen)


def stream(rng, n, cards, max_gap, max_amount, start=0):
    t = start
    evs = []
    for _ in range(n):
        t += rng.randint(0, max_gap)
        evs.append((t, rng.choice(cards), rng.randint(1, max_amount)))
    return evs


def cases():
    # 01 sample: the event exactly W ms ago is outside the window.
    yield 1000, 2, [(0, "c1", 500), (400, "c1", 700), (999, "c1", 100), (1000, "c1", 200),
                    (1000, "c2", 50), (1400, "c1", 300)]
    # 02 sample: equal timestamps all count; the window slides per event.
    yield 10, 1, [(5, "a", 1), (5, "a", 2), (15, "a", 4), (24, "a", 8)]
    # 03 sample: cards are independent; W = 1 keeps only the current millisecond.
    yield 1, 1, [(0, "x", 10), (0, "y", 20), (0, "x", 30), (1, "x", 40), (1, "y", 50),
                 (1, "x", 60), (1, "x", 70)]
    rng = random.Random(424242)
    yield 5, 3, []  # no events
    yield 100, 0, [(0, "solo", 1)]  # one event, K = 0 flags everything
    # Overflow: amounts of 10^9 cents, timestamps near 10^12, window that spans everything.
    t0 = 10**12 - 10_000
    yield 10**9, 1500, [(t0 + i, "whale", 10**9) for i in range(2000)]
    # Events exactly W apart: every window holds just the current one.
    yield 250, 1, [(250 * i, "tick", 7) for i in range(300)]
    # Events W - 1 apart: every window holds two.
    yield 250, 1, [(249 * i, "tick", 7) for i in range(300)]
    # All at the same millisecond.
    yield 1, 5, [(77, c, 3) for c in ["a", "b", "c"] * 4]
    yield 60_000, 3, stream(rng, 500, ids(rng, 30), 5000, 100_000)
    yield 1000, 5, stream(rng, 3000, ids(rng, 4), 80, 5000)
    yield 10_000, 10, stream(rng, 3000, ids(rng, 50), 100, 99_999)
    yield 1, 2, stream(rng, 3000, ids(rng, 3), 1, 100)
    # A card-testing burst: one card fires dozens of times in a second amid normal traffic.
    evs = stream(rng, 2500, ids(rng, 200), 40, 20_000)
    burst = [(evs[1200][0] + i * 7, "ctest", 100) for i in range(60)]
    yield 600_000, 5, sorted(evs + burst, key=lambda e: e[0])
    yield 3_600_000, 20, stream(rng, 4000, ids(rng, 500), 2000, 1_000_000)
    yield 500, 3, stream(rng, 5000, ids(rng, 2000), 1, 50)
    # Large: one card, every event inside one huge window (rescanning is quadratic).
    yield 10**9, 15_000, stream(rng, 18_000, ["hot"], 30, 999)
    # Large: many cards, big window: scanning the stream back to t - W is quadratic too.
    yield 10**9, 3, stream(rng, 18_000, ids(rng, 5000), 5, 999)
    # Medium: a few cards, windows that hold a few hundred events each.
    yield 5000, 150, stream(rng, 10_000, ids(rng, 6), 3, 99)
    # Medium: the boundary matters on every event (gaps of exactly W/2 or W).
    evs, t = [], 0
    for i in range(4000):
        t += rng.choice([0, 50, 100])
        evs.append((t, rng.choice(["p", "q"]), 1 + i % 9))
    yield 100, 2, evs


def main():
    out = os.path.join(HERE, "tests")
    os.makedirs(out, exist_ok=True)
    for i, (w, k, evs) in enumerate(cases(), 1):
        with open(os.path.join(out, f"{i:02}.in"), "w") as f:
            f.write(f"{w} {k} {len(evs)}\n")
            f.write("".join(f"{t} {c} {a}\n" for t, c, a in evs))
        with open(os.path.join(out, f"{i:02}.out"), "w") as f:
            f.write("".join(f"{c} {s}{' FLAG' if fl else ''}\n" for c, s, fl in features(w, k, evs)))


if __name__ == "__main__":
    main()
