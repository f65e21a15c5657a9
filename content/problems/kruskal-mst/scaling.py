#!/usr/bin/env python3
"""Prints one input of size N for the judge's scaling series: N random links among N/2 data
centres (costs up to 10^9), so the sort of the links dominates.

Usage: python3 scaling.py N   (deterministic: the seed is fixed)
"""
import random
import sys

m = int(sys.argv[1])
n = max(2, m // 2)
rng = random.Random(11)
lines = [f"{n} {m}"]
for _ in range(m):
    lines.append(f"{rng.randrange(n)} {rng.randrange(n)} {rng.randint(1, 10**9)}")
sys.stdout.write("\n".join(lines) + "\n")
