#!/usr/bin/env python3
"""Prints one input of size N for the judge's scaling series: N events (one query in ten),
300 merchants, K = 10, a window of 5 000 ms over timestamps 0..2·10^6 (non-decreasing).

Usage: python3 scaling.py N   (deterministic: the seed is fixed)
"""
import random
import sys

n = int(sys.argv[1])
rng = random.Random(19)
merchants = [rng.randrange(10**9) for _ in range(300)]
step = 2 * 10**6 // max(1, n)
t = 0
lines = [f"10 5000 {n}"]
for _ in range(n):
    t += rng.randint(0, 2 * step)
    t = min(t, 2 * 10**6)
    if rng.random() < 0.1:
        lines.append(f"Q {t}")
    else:
        lines.append(f"P {t} {rng.choice(merchants)} {rng.randint(1, 10**6)}")
sys.stdout.write("\n".join(lines) + "\n")
