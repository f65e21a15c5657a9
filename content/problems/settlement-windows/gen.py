#!/usr/bin/env python3
"""Writes tests/NN.in and tests/NN.out for `settlement-windows`, deterministically (fixed seeds).

Run from anywhere: python3 content/problems/settlement-windows/gen.py
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MOD = 1_000_000_007


def merge(windows):
    """Per merchant (sorted by id), the union of its [start, end) windows; touching ones join."""
    by = {}
    for m, s, e in windows:
        by.setdefault(m, []).append((s, e))
    out = []
    for m in sorted(by):
        cur = None
        for s, e in sorted(by[m]):
            if cur is not None and s <= cur[1]:
                cur[1] = max(cur[1], e)
            else:
                if cur is not None:
                    out.append((m, cur[0], cur[1]))
                cur = [s, e]
        out.append((m, cur[0], cur[1]))
    return out


def expected(windows):
    merged = merge(windows)
    full = len(merged) <= 60
    lines = []
    i = 0
    while i < len(merged):
        j = i
        while j < len(merged) and merged[j][0] == merged[i][0]:
            j += 1
        total = sum(e - s for _, s, e in merged[i:j])
        line = f"{merged[i][0]} {j - i} {total}"
        if full:
            line += ":" + "".join(f" [{s},{e})" for _, s, e in merged[i:j])
        lines.append(line)
        i = j
    h = 0
    for _, s, e in merged:
        h = (h * 1_000_003 + s % MOD) % MOD
        h = (h * 1_000_003 + e % MOD) % MOD
    lines.append(f"windows: {len(merged)}")
    lines.append(f"checksum: {h}")
    return "\n".join(lines) + "\n"


def ids(rng, k, length):
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-"
    seen = set()
    while len(seen) < k:
        seen.add("".join(rng.choice(alphabet) for _ in range(rng.randint(1, length))))
    return sorted(seen)


def random_windows(rng, n, merchants, horizon, max_len):
    out = []
    for _ in range(n):
        s = rng.randrange(horizon)
        out.append((rng.choice(merchants), s, s + rng.randint(1, max_len)))
    return out


def chain(rng, merchant, k, start, max_len, gaps):
    """k consecutive windows of one merchant separated by gaps drawn from `gaps` (0 = touching)."""
    out, t = [], start
    for _ in range(k):
        length = rng.randint(1, max_len)
        out.append((merchant, t, t + length))
        t += length + rng.choice(gaps)
    return out


def cases():
    # 01 sample: overlapping and touching windows merge; other merchants are separate.
    yield [("acme", 0, 5), ("shop", 2, 5), ("acme", 8, 10), ("acme", 5, 7), ("acme", 3, 4)]
    # 02 sample: a gap of one millisecond keeps windows apart; merchants never merge together.
    yield [("m1", 21, 30), ("m1", 10, 20), ("m2", 20, 21), ("m1", 0, 5)]
    # 03 sample: windows that meet only once sorted by start (input order is not enough).
    yield [("b", 6, 9), ("b", 0, 3), ("a", 100, 200), ("b", 3, 6), ("b", 1, 2)]
    rng = random.Random(20250611)
    yield []  # no windows
    yield [("x", 0, 10**12)]  # one window, the full time range
    yield [("d", 5, 10)] * 4  # identical duplicates
    # Containment: a short window inside a long one must not cut it short.
    yield [("c", 0, 100), ("c", 10, 20), ("c", 30, 40), ("c", 90, 100), ("c", 99, 150),
           ("c", 150, 151), ("c", 152, 160), ("c", 153, 154)]
    # Merchant ids sort byte-wise: "-" < digits < letters, and a prefix first.
    yield [(m, 1, 2) for m in ["b", "a0", "a", "9z", "a-1", "ab", "0", "a"]]
    # Near the top of the time range: totals up to 10^12 need 64 bits.
    yield [("big", 0, 600_000_000_000), ("big", 600_000_000_000, 10**12),
           ("big", 999_999_999_999, 10**12), ("huge", 1, 10**12), ("huge", 0, 1)]
    yield random_windows(rng, 40, ["p", "q", "r"], 100, 6)  # dense, lots of touching
    yield random_windows(rng, 60, ["s"], 400, 4)  # sparse, one merchant
    ms = ids(rng, 30, 8)
    yield random_windows(rng, 2000, ms, 10**12 - 10**10, 10**10)
    yield [(m, rng.randrange(10**9), 10**9 + rng.randrange(10**9)) for m in ids(rng, 2000, 6)]
    # A touching chain of 1000 windows, shuffled: one window [0, 10000).
    w = [("chain", 10 * i, 10 * (i + 1)) for i in range(1000)]
    rng.shuffle(w)
    yield w
    # Nested windows [i, 2000 - i): one window [0, 2000).
    w = [("nest", i, 2000 - i) for i in range(1000)]
    rng.shuffle(w)
    yield w
    # Gaps of exactly 0 or 1 between consecutive windows, for 8 merchants, shuffled.
    w = []
    for m in ids(rng, 8, 3):
        w += chain(rng, m, 250, rng.randrange(1000), 20, [0, 1])
    rng.shuffle(w)
    yield w
    # Prefix-sharing ids: "m" < "m-" < "m1" < "m10" < ...
    pref = ["m", "m-", "m1", "m10", "m100", "m11", "m2", "mm"]
    yield random_windows(rng, 3000, pref, 50_000, 40)
    # Large: 50 000 disjoint windows of one merchant, shuffled (pairwise merging is quadratic).
    w = chain(rng, "a", 50_000, 0, 4, [1, 2])
    rng.shuffle(w)
    yield w
    # Large: 10 000 windows of one merchant, mostly disjoint, some touching, times near 10^9.
    w = chain(rng, "acq-eu", 10_000, 10**9, 50_000, [0, 1, 7, 1000])
    rng.shuffle(w)
    yield w
    # Large: 10 000 windows over 500 merchants, random overlaps.
    yield random_windows(rng, 10_000, ids(rng, 500, 3), 200_000, 3000)
    # Large: 10 000 windows, 20 merchants: touching chains plus windows contained in them.
    w = []
    for m in ids(rng, 20, 2):
        c = chain(rng, m, 300, rng.randrange(100), 100, [0, 0, 1, 5])
        w += c
        for _ in range(200):
            _, s, e = rng.choice(c)
            a = rng.randrange(s, e)
            w.append((m, a, rng.randint(a + 1, e)))
    rng.shuffle(w)
    yield w
    # Large: 4000 windows, each of a distinct merchant.
    yield [(m, rng.randrange(10**6), 10**6 + rng.randrange(10**6)) for m in ids(rng, 4000, 4)]


def main():
    out = os.path.join(HERE, "tests")
    os.makedirs(out, exist_ok=True)
    for i, windows in enumerate(cases(), 1):
        with open(os.path.join(out, f"{i:02}.in"), "w") as f:
            f.write(f"{len(windows)}\n")
            f.write("".join(f"{m} {s} {e}\n" for m, s, e in windows))
        with open(os.path.join(out, f"{i:02}.out"), "w") as f:
            f.write(expected(windows))


if __name__ == "__main__":
    main()
