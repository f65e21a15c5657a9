#!/usr/bin/env python3
"""Writes tests/NN.in and tests/NN.out for `top-merchants`, deterministically (fixed seeds).

Run from anywhere: python3 content/problems/top-merchants/gen.py

An event is ("P", t, merchant, amount) or ("Q", t). Timestamps are non-decreasing.
"""
import os
import random
from collections import deque

HERE = os.path.dirname(os.path.abspath(__file__))


def answer(k, window, events):
    """Model: running totals per merchant, a FIFO of the payments in the window, and a full sort
    of the merchants with positive volume at each query (fine for the few merchants here)."""
    totals = {}
    queue = deque()
    out = []
    for e in events:
        if e[0] == "P":
            _, t, m, a = e
            queue.append((t, m, a))
            totals[m] = totals.get(m, 0) + a
        else:
            t = e[1]
            # The window is (t - W, t]: a payment at exactly t - W has left it.
            while queue and queue[0][0] <= t - window:
                _, m, a = queue.popleft()
                totals[m] -= a
                if totals[m] == 0:
                    del totals[m]
            ranked = sorted(totals.items(), key=lambda x: (-x[1], x[0]))[:k]
            out.append(" ".join(f"{m}:{s}" for m, s in ranked) if ranked else "-")
    return out


def stream(rng, n, merchants, max_gap, amount, q_every, start=0, weights=None):
    """n events; each is a query with probability 1/q_every, else a payment."""
    t = start
    ev = []
    for _ in range(n):
        t += rng.randint(0, max_gap)
        if rng.randrange(q_every) == 0:
            ev.append(("Q", t))
        else:
            m = rng.choices(merchants, weights)[0] if weights else rng.choice(merchants)
            ev.append(("P", t, m, amount(rng)))
    return ev


def cases():
    # 01 sample: the window is (t - W, t]; a tie in volume goes to the smaller merchant id.
    yield 2, 100, [("P", 0, 7, 500), ("P", 10, 3, 300), ("P", 50, 9, 300), ("Q", 60),
                   ("P", 90, 3, 250), ("Q", 100), ("Q", 150)]
    # 02 sample: a query sees the same-millisecond payments before it, not those after it;
    # a merchant whose payments all left the window is not shown.
    yield 3, 10, [("P", 5, 1, 40), ("Q", 5), ("P", 5, 2, 90), ("Q", 5), ("P", 12, 2, 10),
                  ("Q", 15), ("Q", 22), ("P", 22, 4, 1)]
    # 03 sample: K larger than the number of merchants in the window; equal totals by id.
    yield 5, 1000, [("P", 1, 42, 100), ("P", 2, 17, 100), ("P", 3, 99, 100), ("P", 4, 42, 100),
                    ("Q", 4), ("P", 1002, 17, 200), ("Q", 1002)]
    rng = random.Random(20251203)
    yield 3, 10, []  # no events
    yield 2, 10, [("Q", 0), ("Q", 5), ("Q", 5)]  # queries over an empty window
    yield 1, 1, [("P", 0, 5, 1), ("Q", 0)]  # one payment, W = 1
    # A payment exactly W old has left; one millisecond younger is still in.
    yield 4, 1000, [("P", 0, 1, 10), ("P", 1, 2, 20), ("Q", 999), ("Q", 1000), ("Q", 1001),
                    ("P", 2000, 3, 5), ("Q", 2999), ("Q", 3000)]
    # W = 1: only the current millisecond counts.
    yield 3, 1, stream(rng, 600, [1, 2, 3, 4, 5], 1, lambda r: r.randint(1, 5), 3)
    # Large amounts: totals near 7 * 10^14 need 64 bits.
    big = []
    for i in range(2000):
        big.append(("P", i, [1, 2, 3][i % 3], 10**12 - (i % 7)))
        if i % 50 == 49:
            big.append(("Q", i))
    yield 3, 10**9, big
    # Equal amounts: totals tie constantly, order by id.
    yield 10, 40, stream(rng, 3000, list(range(1, 51)), 1, lambda r: 100, 5)
    # Merchant ids at the extremes (0 and 10^9), sorted numerically, not as strings.
    ids = [0, 9, 10, 100, 999_999_999, 10**9, 5, 50]
    yield 8, 30, stream(rng, 1500, ids, 2, lambda r: r.randint(1, 3), 4)
    # Dense boundaries: small W, many payments landing exactly on t - W.
    yield 4, 5, stream(rng, 3000, list(range(1, 21)), 1, lambda r: r.randint(1, 4), 3)
    # K = 1: just the leader.
    yield 1, 200, stream(rng, 3000, list(range(1, 101)), 3, lambda r: r.randint(1, 10**6), 20)
    # K = 50 with only a few merchants in each window: zero-volume merchants must disappear.
    yield 50, 8, stream(rng, 3000, list(range(1, 301)), 3, lambda r: r.randint(1, 9), 3)
    # Bursts separated by gaps longer than W: the dashboard empties between bursts.
    ev = []
    t = 0
    for _ in range(120):
        t += rng.randint(600, 3000)
        ev.extend(stream(rng, rng.randint(1, 25), list(range(1, 16)), 20,
                         lambda r: r.randint(1, 1000), 4, start=t))
        t = ev[-1][1]
        ev.append(("Q", t + 500))
        ev.append(("Q", t + 501))
        t += 501
    yield 5, 500, ev
    # Same timestamps: many payments and queries share a millisecond.
    yield 6, 3, stream_same(rng)
    # 300 merchants, skewed volume (a few whales), small size.
    ms = rng.sample(range(1, 10**9), 300)
    w = [1.0 / (i + 1) for i in range(300)]
    yield 5, 5000, stream(rng, 3000, ms, 3, lambda r: r.randint(1, 99_999), 30, weights=w)
    # W = 10^9: nothing ever leaves the window.
    yield 3, 10**9, stream(rng, 4000, list(range(1, 41)), 1000, lambda r: r.randint(1, 500), 10)
    # Large: 48 000 events, 40 merchants, 3 700 queries over windows of ~20 000 payments.
    # Rescanning the window's payments at every query is O(Q * P) and must TLE.
    yield 5, 20_000, stream(rng, 48_000, list(range(1, 41)), 1, lambda r: r.randint(1, 999), 13)
    # Large: 300 merchants, few queries (sorting all merchants per query stays affordable).
    yield 10, 8000, stream(rng, 16_000, list(range(100, 400)), 1, lambda r: r.randint(1, 99), 100)
    # Large, tie-heavy: amounts 1..2 over 60 merchants, frequent queries.
    yield 8, 3000, stream(rng, 12_000, list(range(1, 61)), 1, lambda r: r.randint(1, 2), 10)


def stream_same(rng):
    ev = []
    t = 0
    for _ in range(300):
        t += rng.randint(1, 3)
        for _ in range(rng.randint(1, 12)):
            if rng.randrange(3) == 0:
                ev.append(("Q", t))
            else:
                ev.append(("P", t, rng.randint(1, 30), rng.randint(1, 50)))
    return ev


def check(k, window, events):
    """The statement's constraints."""
    assert 1 <= k <= 50 and 1 <= window <= 10**9 and len(events) <= 10**5
    last = 0
    for e in events:
        assert last <= e[1] <= 10**9
        last = e[1]
        if e[0] == "P":
            assert 0 <= e[2] <= 10**9 and 1 <= e[3] <= 10**12
    assert len({e[2] for e in events if e[0] == "P"}) <= 300


def main():
    out = os.path.join(HERE, "tests")
    os.makedirs(out, exist_ok=True)
    for i, (k, window, events) in enumerate(cases(), 1):
        check(k, window, events)
        with open(os.path.join(out, f"{i:02}.in"), "w") as f:
            f.write(f"{k} {window} {len(events)}\n")
            f.write("".join(" ".join(map(str, e)) + "\n" for e in events))
        with open(os.path.join(out, f"{i:02}.out"), "w") as f:
            f.write("".join(line + "\n" for line in answer(k, window, events)))


if __name__ == "__main__":
    main()
