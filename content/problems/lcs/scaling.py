#!/usr/bin/env python3
"""Prints one input of size N for the judge's scaling series: two random strings of length N
over a 4-letter alphabet. Both grow, so the O(len(a)·len(b)) table grows as N².

Usage: python3 scaling.py N   (deterministic: the seed is fixed)
"""
import random
import sys

n = int(sys.argv[1])
rng = random.Random(5)
a = "".join(rng.choice("acgt") for _ in range(n))
b = "".join(rng.choice("acgt") for _ in range(n))
sys.stdout.write(f"{a}\n{b}\n")
