#!/usr/bin/env python3
"""Prints one input of size N for the judge's scaling series: N nodes and N random cables
(about 20% of nodes stay alone), the union-find's typical load.

Usage: python3 scaling.py N   (deterministic: the seed is fixed)
"""
import random
import sys

n = int(sys.argv[1])
rng = random.Random(7)
lines = [f"{n} {n}"] + [f"{rng.randrange(n)} {rng.randrange(n)}" for _ in range(n)]
sys.stdout.write("\n".join(lines) + "\n")
