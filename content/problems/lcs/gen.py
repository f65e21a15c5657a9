#!/usr/bin/env python3
"""Writes tests/NN.in and tests/NN.out for `lcs`, deterministically (fixed seeds).

Run from anywhere: python3 content/problems/lcs/gen.py
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def lcs(a, b):
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0] * (len(b) + 1)
        for j, y in enumerate(b):
            cur[j + 1] = prev[j] + 1 if x == y else max(prev[j + 1], cur[j])
        prev = cur
    return prev[-1]


def rand_str(rng, n, alphabet):
    return "".join(rng.choice(alphabet) for _ in range(n))


def cases():
    yield "abcde", "ace"  # 01 sample
    yield "abc", "def"  # 02 sample
    yield "abcba", "abcbcba"  # 03 sample
    rng = random.Random(20240601)
    yield "a", "a"
    yield "z", "y"
    yield rand_str(rng, 30, "ab"), rand_str(rng, 25, "ab")
    yield rand_str(rng, 200, "abcd"), rand_str(rng, 300, "abcd")
    s = rand_str(rng, 1500, "abcdefghijklmnopqrstuvwxyz")
    yield s, s
    yield rand_str(rng, 2000, "ab"), rand_str(rng, 2000, "ab")
    yield rand_str(rng, 2000, "abcdefghijklmnopqrstuvwxyz"), rand_str(rng, 1999, "abcdefghijklmnopqrstuvwxyz")
    yield "a" * 2000, "b" * 2000
    yield rand_str(rng, 1, "x"), rand_str(rng, 2000, "xyz")
    s = rand_str(rng, 2000, "abcdefghij")
    yield s, s[:1000]  # one is a prefix of the other
    yield s, s[::-1]  # reversed
    yield "a" * 2000, rand_str(rng, 2000, "ab")  # the answer is the count of a's
    yield "ab" * 1000, "ba" * 1000
    t = list(s)
    t[1000] = "z"
    yield s, "".join(t)  # one character differs
    yield rand_str(rng, 2000, "acgt"), rand_str(rng, 2000, "acgt")
    yield rand_str(rng, 1999, "abc") + "q", "q" + rand_str(rng, 1999, "xyz")  # only q is shared
    yield "q", "q"
    yield "xyzzy", "zzyxy"
    yield rand_str(rng, 2000, "abcdefghijklmnopqrstuvwxyz"), rand_str(rng, 7, "abcdefghijklmnopqrstuvwxyz")


def main():
    out = os.path.join(HERE, "tests")
    os.makedirs(out, exist_ok=True)
    for i, (a, b) in enumerate(cases(), 1):
        with open(os.path.join(out, f"{i:02}.in"), "w") as f:
            f.write(f"{a}\n{b}\n")
        with open(os.path.join(out, f"{i:02}.out"), "w") as f:
            f.write(f"{lcs(a, b)}\n")


if __name__ == "__main__":
    main()
