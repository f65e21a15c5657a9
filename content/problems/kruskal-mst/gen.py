#!/usr/bin/env python3
"""Writes tests/NN.in and tests/NN.out for `kruskal-mst`, deterministically (fixed seeds).

Run from anywhere: python3 content/problems/kruskal-mst/gen.py

Expected answers come from Kruskal with union-find; on small cases they are checked against
Prim's O(n²) algorithm run from every not yet reached vertex.
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def kruskal(n, links):
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    total, components = 0, n
    for u, v, c in sorted(links, key=lambda e: e[2]):
        a, b = find(u), find(v)
        if a != b:
            parent[a] = b
            total += c
            components -= 1
    return total, components


def prim(n, links):
    inf = float("inf")
    w = [[inf] * n for _ in range(n)]
    for u, v, c in links:
        if u != v and c < w[u][v]:
            w[u][v] = w[v][u] = c
    seen = [False] * n
    total, components = 0, 0
    for s in range(n):
        if seen[s]:
            continue
        components += 1
        dist = [inf] * n
        dist[s] = 0
        while True:
            best = None
            for x in range(n):
                if not seen[x] and dist[x] < inf and (best is None or dist[x] < dist[best]):
                    best = x
            if best is None:
                break
            seen[best] = True
            total += dist[best]
            for y in range(n):
                if not seen[y] and w[best][y] < dist[y]:
                    dist[y] = w[best][y]
    return total, components


def random_links(rng, n, m, max_cost, min_cost=1):
    return [(rng.randrange(n), rng.randrange(n), rng.randint(min_cost, max_cost)) for _ in range(m)]


def cases():
    # 01 sample: six data centres, one network.
    yield 6, [(0, 1, 7), (0, 3, 5), (1, 2, 8), (1, 3, 9), (1, 4, 7), (2, 4, 5), (3, 4, 15),
              (3, 5, 6), (4, 5, 8), (4, 0, 20)]
    # 02 sample: two regions that no candidate link joins.
    yield 5, [(0, 1, 4), (1, 2, 3), (0, 2, 1), (3, 4, 10)]
    # 03 sample: parallel links, a loop, an isolated node.
    yield 4, [(0, 1, 5), (1, 0, 2), (2, 2, 1), (0, 1, 7)]
    rng = random.Random(20251204)
    yield 1, []  # one node, no links
    yield 7, []  # no links: every node on its own
    yield 3, [(1, 1, 5), (2, 2, 9)]  # only loops
    yield 2, [(0, 1, 10**9), (1, 0, 10**9)]  # the largest cost
    # Every link costs the same (the tie order must not matter).
    yield 8, [(u, v, 3) for u in range(8) for v in range(u + 1, 8)]
    # A star where the cheap links are all redundant except one.
    yield 6, [(0, 1, 10), (0, 2, 10), (0, 3, 10), (0, 4, 10), (0, 5, 10), (1, 2, 1), (2, 1, 1),
              (1, 1, 1), (3, 4, 2), (4, 5, 2), (3, 5, 1)]
    # Small random graphs (checked against Prim below).
    for n, m, mc in [(10, 15, 20), (12, 8, 5), (30, 60, 100), (40, 200, 10**9), (60, 70, 3)]:
        yield n, random_links(rng, n, m, mc)
    # Medium: total above 2^31 (a 32-bit sum overflows), several components.
    n = 3000
    yield n, random_links(rng, n, 6000, 10**9, 9 * 10**8)
    # Large: random sparse graph with many ties (n = 15 000, m = 30 000, costs <= 10^4).
    n = 15_000
    yield n, random_links(rng, n, 30_000, 10**4)
    # Large: a long chain whose links come cheapest first, then heavy redundant links; the
    # components grow to the whole graph, so a search over the chosen links is quadratic.
    n = 20_000
    perm = list(range(n))
    rng.shuffle(perm)
    chain = [(perm[i], perm[i + 1], i + 1) for i in range(n - 1)]
    extra = random_links(rng, n, 6_000, 10**5, 50_000)
    links = chain + extra
    rng.shuffle(links)
    yield n, links
    # Large: every cost near 10^9 over a connected graph (total about 10^13).
    n = 10_000
    tree = [(rng.randrange(i), i, rng.randint(9 * 10**8, 10**9)) for i in range(1, n)]
    links = tree + random_links(rng, n, 5_000, 10**9, 9 * 10**8)
    rng.shuffle(links)
    yield n, links
    # Large: dense-ish clusters, many components (isolated nodes too).
    n = 50_000
    links = []
    for base in range(0, 15_000, 300):
        links += [(base + rng.randrange(300), base + rng.randrange(300), rng.randint(1, 999))
                  for _ in range(400)]
    rng.shuffle(links)
    yield n, links
    # The largest n with no links at all: every data centre is its own component.
    yield 50_000, []
    # Many parallel lines per pair, listed most expensive first; only the cheapest of each counts.
    n = 500
    links = []
    for i in range(1, n):
        j = rng.randrange(i)
        links += [(i, j, c) for c in range(10**9, 10**9 - 40 * rng.randint(1, 10), -40)]
    links.sort(key=lambda e: -e[2])
    yield n, links


def main():
    out = os.path.join(HERE, "tests")
    os.makedirs(out, exist_ok=True)
    for i, (n, links) in enumerate(cases(), 1):
        total, comps = kruskal(n, links)
        if n <= 100:
            assert (total, comps) == prim(n, links), i
        with open(os.path.join(out, f"{i:02}.in"), "w") as f:
            f.write(f"{n} {len(links)}\n")
            f.write("".join(f"{u} {v} {c}\n" for u, v, c in links))
        with open(os.path.join(out, f"{i:02}.out"), "w") as f:
            f.write(f"{total} {comps}\n")


if __name__ == "__main__":
    main()
