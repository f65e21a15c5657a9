#!/usr/bin/env python3
"""Prints one input of size N for the judge's scaling series: N windows over 8 merchants whose
ids share a long prefix (comparisons cost what real ids cost), mostly disjoint, in shuffled order.

Usage: python3 scaling.py N   (deterministic: the seed is fixed)
"""
import random
import sys

n = int(sys.argv[1])
rng = random.Random(20240611)
merchants = [f"merchant-settlement-{i:04}" for i in range(8)]
cursor = {m: rng.randrange(1000) for m in merchants}
windows = []
for i in range(n):
    m = merchants[i % len(merchants)]
    length = rng.randint(1, 1000)
    # One window in ten touches or overlaps the previous one; the rest leave a gap.
    gap = -rng.randint(0, length) if rng.random() < 0.1 else rng.randint(1, 1000)
    start = max(0, cursor[m] + gap)
    windows.append((m, start, start + length))
    cursor[m] = start + length
rng.shuffle(windows)
out = [f"{n}"] + [f"{m} {s} {e}" for m, s, e in windows]
sys.stdout.write("\n".join(out) + "\n")
