#!/usr/bin/env python3
"""Prints one input of size N for the judge's scaling series: the first N letters of the
Fibonacci word over {a, b}. Its repeats are as long as a third of the string, so prefix doubling
runs all its log n rounds (on a random string it would stop after two or three, and any random
letters sprinkled in would cap the repeats, and the rounds, at a constant).

Usage: python3 scaling.py N   (deterministic: no randomness)
"""
import sys

n = int(sys.argv[1])
a, b = "a", "ab"
while len(b) < n:
    a, b = b, b + a
sys.stdout.write(b[:n] + "\n")
