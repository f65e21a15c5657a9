#!/usr/bin/env python3
"""Writes tests/NN.in and tests/NN.out for `fraud-threshold`, deterministically (fixed seeds).

Run from anywhere: python3 content/problems/fraud-threshold/gen.py
"""
import os
import random
from collections import deque

HERE = os.path.dirname(os.path.abspath(__file__))


def screen(window, max_amount, max_count, txns):
    """Per card, a deque of its APPROVED (time, amount) in (t - window, t] and their sum."""
    state = {}
    out = []
    for t, card, amount in txns:
        q, s = state.get(card, (None, 0))
        if q is None:
            q = deque()
        while q and q[0][0] <= t - window:  # exactly `window` ms old: out of the window
            s -= q.popleft()[1]
        if s + amount > max_amount or len(q) + 1 > max_count:
            out.append(False)  # declined: leaves no trace in the window
        else:
            q.append((t, amount))
            s += amount
            out.append(True)
        state[card] = (q, s)
    return out


def render(txns, decisions):
    line = "".join("A" if d else "D" for d in decisions)
    ac = sum(1 for d in decisions if d)
    asum = sum(a for (_, _, a), d in zip(txns, decisions) if d)
    dsum = sum(a for (_, _, a), d in zip(txns, decisions) if not d)
    return f"{line}\napproved {ac} {asum}\ndeclined {len(txns) - ac} {dsum}\n"


def ids(rng, k, length=4):
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    seen = set()
    while len(seen) < k:
        seen.add("c" + "".join(rng.choice(alphabet) for _ in range(rng.randint(1, length))))
    return sorted(seen)


def stream(rng, n, cards, max_gap, max_amount, start=0, min_amount=1):
    t = start
    txns = []
    for _ in range(n):
        t += rng.randint(0, max_gap)
        txns.append((t, rng.choice(cards), rng.randint(min_amount, max_amount)))
    return txns


def cases():
    # 01 sample: the amount cap and the count cap, and a transaction leaving the window.
    yield 1000, 10_000, 3, [(0, "c1", 4000), (100, "c1", 5000), (200, "c1", 2000),
                            (300, "c1", 1000), (400, "c1", 500), (1000, "c1", 2000),
                            (1000, "c2", 9000)]
    # 02 sample: declined transactions do not count (an attacker's retries do not lock the card).
    yield 60_000, 5000, 2, [(0, "k", 3000), (10, "k", 3000), (20, "k", 3000), (30, "k", 1500),
                            (40, "k", 10), (50, "k", 10)]
    # 03 sample: a transaction exactly T ms old has left; same-millisecond ones count.
    yield 10, 100, 2, [(5, "a", 60), (5, "a", 40), (5, "a", 1), (15, "a", 100), (15, "a", 1),
                       (24, "a", 1)]
    rng = random.Random(20251203)
    yield 5, 100, 3, []  # no transactions
    yield 1000, 100, 1, [(7, "solo", 100)]  # one transaction, exactly at the cap
    yield 1000, 100, 1, [(7, "solo", 101)]  # one transaction above the amount cap
    # C = 1: one approval per window, however small the amounts.
    yield 100, 10**9, 1, stream(rng, 400, ["fast"], 30, 10)
    # All at the same millisecond across cards: exactly C approvals per card.
    yield 1, 10**6, 2, [(77, c, 3) for c in ["a", "b", "c"] * 5]
    # Overflow: amounts of 10^9 cents, caps above 2^31, timestamps near 10^9.
    t0 = 10**9 - 5000
    big = [(t0 + i, "whale", 10**9) for i in range(3000)]
    yield 10**9, 7 * 10**9, 100_000, big
    yield 10**9, 10**15, 100_000, [(t0 + i, "whale", 10**9 - i) for i in range(2000)]
    # Transactions exactly T apart: each sees an empty window; T - 1 apart: two in a window.
    yield 250, 10, 1, [(250 * i, "tick", 7) for i in range(300)]
    yield 250, 13, 5, [(249 * i, "tick", 7) for i in range(300)]
    # Tight amount cap: many declines, and the declined ones must not take room.
    yield 1000, 20_000, 100, stream(rng, 3000, ids(rng, 4), 40, 9000)
    yield 60_000, 50_000, 4, stream(rng, 3000, ids(rng, 60), 300, 20_000)
    yield 1, 5, 2, stream(rng, 3000, ids(rng, 3), 1, 4)
    # A card-testing burst: one card fires many small payments, amid normal traffic.
    txns = stream(rng, 2500, ids(rng, 200), 40, 20_000)
    burst = [(txns[1200][0] + i * 7, "ctest", 100 + i % 5) for i in range(120)]
    yield 600_000, 100_000, 5, sorted(txns + burst, key=lambda e: e[0])
    yield 3_600_000, 2_000_000, 20, stream(rng, 4000, ids(rng, 500), 2000, 1_000_000)
    yield 500, 300, 3, stream(rng, 5000, ids(rng, 2000), 1, 200)
    # Boundary on every transaction: gaps of 0, T/2 or T.
    txns, t = [], 0
    for i in range(4000):
        t += rng.choice([0, 50, 100])
        txns.append((t, rng.choice(["p", "q"]), 1 + i % 9))
    yield 100, 12, 3, txns
    # Large: one card, 32 000 transactions (rescanning the card's history is quadratic).
    yield 5000, 300_000, 400, stream(rng, 32_000, ["hot"], 3, 999)
    # Large: three cards, big window, count cap that binds.
    yield 10**6, 10**8, 2000, stream(rng, 24_000, ["x", "y", "z"], 8, 9999)
    # Large: many cards, most with a handful of transactions.
    yield 100_000, 30_000, 4, stream(rng, 16_000, ids(rng, 5000), 10, 9999)


def main():
    out = os.path.join(HERE, "tests")
    os.makedirs(out, exist_ok=True)
    for i, (w, a, c, txns) in enumerate(cases(), 1):
        with open(os.path.join(out, f"{i:02}.in"), "w") as f:
            f.write(f"{w} {a} {c} {len(txns)}\n")
            f.write("".join(f"{t} {card} {x}\n" for t, card, x in txns))
        with open(os.path.join(out, f"{i:02}.out"), "w") as f:
            f.write(render(txns, screen(w, a, c, txns)))


if __name__ == "__main__":
    main()
