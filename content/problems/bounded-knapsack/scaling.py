#!/usr/bin/env python3
"""Prints one input of size N for the judge's scaling series: capacity W = N and the same 100
item types for every N (weights 1–5, counts up to 100), so the cost is O(W · Σ log count):
linear in W. Every binary-split piece (at most 5 · 64 units) fits the smallest W; heavier pieces
would be skipped at small W only and make the curve look superlinear.

Usage: python3 scaling.py N   (deterministic: the seed is fixed)
"""
import random
import sys

capacity = int(sys.argv[1])
rng = random.Random(17)
items = [(rng.randint(1, 5), rng.randint(0, 10**9), rng.randint(1, 100)) for _ in range(100)]
lines = [f"{capacity} {len(items)}"] + [f"{w} {v} {c}" for w, v, c in items]
sys.stdout.write("\n".join(lines) + "\n")
