#!/usr/bin/env python3
"""Prints one input of size N for the judge's scaling series: N operations (60% PUT, 40% GET)
on keys drawn from 2·N/4 values, capacity N/4, so evictions and hits both happen all along.

Usage: python3 scaling.py N   (deterministic: the seed is fixed)
"""
import random
import sys

n = int(sys.argv[1])
capacity = max(1, n // 4)
rng = random.Random(13)
lines = [f"{capacity} {n}"]
for _ in range(n):
    key = rng.randrange(2 * capacity)
    if rng.random() < 0.6:
        lines.append(f"P {key} {rng.randrange(10**9)}")
    else:
        lines.append(f"G {key}")
sys.stdout.write("\n".join(lines) + "\n")
