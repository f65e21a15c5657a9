#!/usr/bin/env python3
"""Writes tests/NN.in and tests/NN.out for `suffix-array`, deterministically (fixed seeds).

Run from anywhere: python3 content/problems/suffix-array/gen.py
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MOD = 1_000_000_007


def build_sa(s):
    """Prefix doubling, re-sorting (rank[i], rank[i+k]) tuples each round: O(n log^2 n)."""
    n = len(s)
    sa = list(range(n))
    rank = [ord(c) for c in s]
    k = 1
    while k < n:
        key = [(rank[i], rank[i + k] if i + k < n else -1) for i in range(n)]
        sa.sort(key=key.__getitem__)
        new = [0] * n
        for r in range(1, n):
            new[sa[r]] = new[sa[r - 1]] + (key[sa[r]] != key[sa[r - 1]])
        rank = new
        if rank[sa[-1]] == n - 1:
            break
        k *= 2
    return sa


def kasai(s, sa):
    n = len(s)
    pos = [0] * n
    for r, i in enumerate(sa):
        pos[i] = r
    lcp = [0] * n
    h = 0
    for i in range(n):
        if pos[i] == 0:
            h = 0
            continue
        j = sa[pos[i] - 1]
        while i + h < n and j + h < n and s[i + h] == s[j + h]:
            h += 1
        lcp[pos[i]] = h
        if h:
            h -= 1
    return lcp


def checksum(xs):
    h = 0
    for x in xs:
        h = (h * 1_000_003 + x + 1) % MOD
    return h


def expected(s):
    n = len(s)
    sa = build_sa(s)
    lcp = kasai(s, sa)
    if n <= 300:  # cross-check against the definitions on small inputs
        assert sa == sorted(range(n), key=lambda i: s[i:])
        for r in range(1, n):
            a, b = s[sa[r - 1]:], s[sa[r]:]
            h = 0
            while h < min(len(a), len(b)) and a[h] == b[h]:
                h += 1
            assert lcp[r] == h
        assert sum(n - sa[r] - lcp[r] for r in range(n)) == len(
            {s[i:j] for i in range(n) for j in range(i + 1, n + 1)})
    distinct = sum(n - sa[r] - lcp[r] for r in range(n))
    if n <= 60:
        lines = ["sa:" + "".join(f" {x}" for x in sa), "lcp:" + "".join(f" {x}" for x in lcp)]
    else:
        lines = [f"n: {n}", f"sa checksum: {checksum(sa)}", f"lcp checksum: {checksum(lcp)}"]
    lines.append(f"distinct substrings: {distinct}")
    return "\n".join(lines) + "\n"


def rand_str(rng, n, alphabet):
    return "".join(rng.choice(alphabet) for _ in range(n))


def fibonacci_word(n):
    a, b = "b", "a"  # f1 = "b", f2 = "a", f(k) = f(k-1) + f(k-2): "abaababaabaab..."
    while len(b) < n:
        a, b = b, b + a
    return b[:n]


def thue_morse(n):
    return "".join("ab"[bin(i).count("1") % 2] for i in range(n))


def periodic_with_noise(rng, n, period, alphabet, flips):
    block = rand_str(rng, period, alphabet)
    s = list((block * (n // period + 1))[:n])
    for _ in range(flips):
        s[rng.randrange(n)] = rng.choice(alphabet)
    return "".join(s)


LARGE = 100_000
LOWER = "abcdefghijklmnopqrstuvwxyz"


def cases():
    yield "banana"  # 01 sample (the lesson's example)
    yield "aaaaa"  # 02 sample: every suffix is a prefix of the next longer one
    yield "paypalpay"  # 03 sample
    rng = random.Random(20250315)
    yield ""  # empty descriptor
    yield "q"  # one character
    yield "ab"
    yield "ba"
    yield "zyxwvutsrqponmlkjihgfedcba"  # strictly decreasing: sa = n-1, ..., 0
    yield rand_str(rng, 60, "ab")  # largest test with the full arrays printed
    yield rand_str(rng, 61, "ab")  # smallest test with checksums
    yield "a" * 60
    yield rand_str(rng, 1000, LOWER)
    yield fibonacci_word(5000)
    yield ("abc" * 1000)[:2999]
    yield rand_str(rng, 5000, "ab")
    # Large tests, n = 10^5. Random text: short common prefixes, even the naive sort is quick.
    yield rand_str(rng, LARGE, LOWER)
    yield rand_str(rng, LARGE, "ab")
    # Highly repetitive text: comparing whole suffixes costs O(n) per comparison.
    yield "a" * LARGE
    yield "ab" * (LARGE // 2)
    yield fibonacci_word(LARGE)
    yield periodic_with_noise(rng, LARGE, 7, "abc", 40)
    yield thue_morse(LARGE)
    block = rand_str(rng, LARGE // 2, "ab")
    yield block + block  # a square: half of the suffixes share 50 000 characters
    yield "a" * (LARGE - 1) + "b"
    yield "z" * (LARGE // 2) + "a" * (LARGE // 2)


def main():
    out = os.path.join(HERE, "tests")
    os.makedirs(out, exist_ok=True)
    for i, s in enumerate(cases(), 1):
        with open(os.path.join(out, f"{i:02}.in"), "w") as f:
            f.write(f"{s}\n")
        with open(os.path.join(out, f"{i:02}.out"), "w") as f:
            f.write(expected(s))


if __name__ == "__main__":
    main()
