#!/usr/bin/env python3
"""Writes tests/NN.in and tests/NN.out for `union-find-components`, deterministically.

Run from anywhere: python3 content/problems/union-find-components/gen.py
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def components(n, edges):
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    c = n
    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
            c -= 1
    return c


def cases():
    yield 5, [(0, 1), (1, 2), (3, 4)]  # 01 sample
    yield 4, []  # 02 sample
    rng = random.Random(7)
    yield 1, [(0, 0)]
    yield 6, [(0, 1), (1, 0), (2, 2), (3, 4), (4, 5), (5, 3)]
    n = 1000
    yield n, [(rng.randrange(n), rng.randrange(n)) for _ in range(700)]
    n = 100_000
    yield n, [(rng.randrange(n), rng.randrange(n)) for _ in range(100_000)]
    # A chain joined from one end: naive linking builds a path of length n.
    n = 60_000
    yield n, [(i, i + 1) for i in range(n - 1)]
    # Many small components merged late: most unions join two big sets.
    n = 65_536
    edges = []
    step = 1
    while step < n:
        edges += [(i, i + step) for i in range(0, n, 2 * step)]
        step *= 2
    yield n, edges
    n = 100_000
    yield n, [(rng.randrange(50), rng.randrange(n)) for _ in range(30_000)]
    # Edge cases, kept small: the large ones above already decide the complexity.
    yield 1, []  # one node, no cables
    yield 2, [(0, 1)]
    yield 2, [(1, 1), (0, 0)]  # only self-loops
    yield 3, [(0, 1)] * 50 + [(1, 0)] * 50  # one cable repeated
    yield 100_000, []  # every node alone
    yield 8, [(7, 6), (6, 5), (5, 4), (4, 3), (3, 2), (2, 1), (1, 0)]  # chain given backwards
    n = 5000
    yield n, [(0, i) for i in range(1, n, 2)]  # a star over the odd nodes
    n = 4000
    yield n, [(rng.randrange(n), rng.randrange(n)) for _ in range(2000)]  # sparse: many components
    # Two dense clusters and one bridge added last.
    yield 40, [(a, b) for a in range(20) for b in range(a + 1, 20)] + [(a, b) for a in range(20, 40) for b in range(a + 1, 40)] + [(19, 20)]
    n = 3000
    yield n, [(i, (i * 7 + 3) % n) for i in range(n)]  # a permutation's cycles
    yield 10, [(9, 0), (8, 0), (0, 0), (5, 5)]


def main():
    out = os.path.join(HERE, "tests")
    os.makedirs(out, exist_ok=True)
    for i, (n, edges) in enumerate(cases(), 1):
        with open(os.path.join(out, f"{i:02}.in"), "w") as f:
            f.write(f"{n} {len(edges)}\n")
            f.write("".join(f"{a} {b}\n" for a, b in edges))
        with open(os.path.join(out, f"{i:02}.out"), "w") as f:
            f.write(f"{components(n, edges)}\n")


if __name__ == "__main__":
    main()
