#!/usr/bin/env python3
"""Writes tests/NN.in and tests/NN.out for `consistent-hashing`, deterministically (fixed seeds).

Run from anywhere: python3 content/problems/consistent-hashing/gen.py
"""
import bisect
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MASK = (1 << 64) - 1


def h(s):
    """64-bit FNV-1a over the UTF-8 bytes, then the murmur3 fmix64 finalizer (as in the lesson)."""
    x = 0xCBF29CE484222325
    for b in s.encode():
        x ^= b
        x = (x * 0x100000001B3) & MASK
    x ^= x >> 33
    x = (x * 0xFF51AFD7ED558CCD) & MASK
    x ^= x >> 33
    x = (x * 0xC4CEB9FE1A85EC53) & MASK
    x ^= x >> 33
    return x


class Ring:
    def __init__(self, replicas):
        self.replicas = replicas
        self.points = []  # sorted (point, node name): equal points ordered by name

    def add(self, node):
        for i in range(self.replicas):
            bisect.insort(self.points, (h(f"{node}#{i}"), node))

    def remove(self, node):
        self.points = [p for p in self.points if p[1] != node]

    def owner(self, kh):
        i = bisect.bisect_left(self.points, (kh, ""))  # first point >= kh
        if i == len(self.points):
            i = 0  # wrap around to the smallest point
        return self.points[i][1]


def solve(replicas, nodes, keys, ops):
    ring = Ring(replicas)
    for n in nodes:
        ring.add(n)
    kh = [h(k) for k in keys]
    owners = [ring.owner(x) for x in kh]
    out = []
    for kind, name in ops:
        if kind == "OWNER":
            out.append(ring.owner(h(name)))
            continue
        if kind == "ADD":
            ring.add(name)
        else:
            ring.remove(name)
        new = [ring.owner(x) for x in kh]
        out.append(str(sum(a != b for a, b in zip(owners, new))))
        owners = new
    return out


ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"


def node_names(rng, n, prefix=None):
    seen, names = set(), []
    while len(names) < n:
        if prefix:
            name = f"{prefix}-{len(names) + 1}"
        else:
            name = rng.choice(["db", "cache", "shard", "pg", "kv"]) + "-" + "".join(
                rng.choice(ALNUM) for _ in range(rng.randint(1, 5)))
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def key_names(rng, k, length=6):
    seen, keys = set(), []
    while len(keys) < k:
        key = "m" + "".join(rng.choice(ALNUM) for _ in range(rng.randint(1, length)))
        if key not in seen:
            seen.add(key)
            keys.append(key)
    return keys


def random_ops(rng, live, spare, keys, q, p_change, extra_keys=()):
    """q operations; a change with probability p_change (ADD a spare or REMOVE a live node)."""
    live, spare = list(live), list(spare)
    ops = []
    pool = list(keys) + list(extra_keys)
    for _ in range(q):
        if rng.random() < p_change:
            if spare and (len(live) <= 1 or rng.random() < 0.5):
                n = spare.pop(rng.randrange(len(spare)))
                live.append(n)
                ops.append(("ADD", n))
                continue
            if len(live) > 1:
                n = live.pop(rng.randrange(len(live)))
                spare.append(n)  # may come back later
                ops.append(("REMOVE", n))
                continue
        ops.append(("OWNER", rng.choice(pool) if pool else "x"))
    return ops


def cases():
    # 01 sample: two nodes, two replicas each; adding a third node moves keys only to it.
    yield 2, ["a", "b"], ["pay-1", "pay-2", "pay-3", "pay-4"], [
        ("OWNER", "pay-1"), ("ADD", "c"), ("OWNER", "pay-1"), ("OWNER", "pay-3"),
        ("REMOVE", "a"), ("OWNER", "pay-4")]
    # 02 sample: a key hashed above the largest point wraps to the smallest one.
    yield 1, ["db-1", "db-2", "db-3"], ["m1", "m2", "m3", "m4", "m5"], [
        ("OWNER", "m3"), ("OWNER", "m2"), ("REMOVE", "db-1"), ("OWNER", "m3"),
        ("OWNER", "m2"), ("ADD", "db-1")]
    # 03 sample: a key equal to a virtual node's label hashes exactly onto its point.
    yield 3, ["east", "west"], ["west#2", "east#0", "west#1"], [
        ("OWNER", "west#2"), ("OWNER", "east#0"), ("ADD", "north"), ("OWNER", "west#1"),
        ("REMOVE", "west"), ("OWNER", "west#1")]
    rng = random.Random(20251203)
    # 04 one node owns everything; then a second arrives and the first leaves.
    keys = key_names(rng, 50)
    yield 1, ["solo"], keys, [("OWNER", keys[0]), ("ADD", "duo"), ("OWNER", keys[1]),
                              ("REMOVE", "solo"), ("OWNER", keys[2]), ("OWNER", "untracked")]
    # 05 no tracked keys: every change moves 0 keys.
    yield 4, ["a", "b"], [], [("ADD", "c"), ("OWNER", "anything"), ("REMOVE", "a"),
                              ("REMOVE", "b"), ("OWNER", "x"), ("ADD", "a")]
    # 06 no operations at all.
    yield 3, ["a"], ["k"], []
    # 07 one replica per node: very uneven arcs.
    nodes = node_names(rng, 12)
    keys = key_names(rng, 300)
    yield 1, nodes[:8], keys, random_ops(rng, nodes[:8], nodes[8:], keys, 200, 0.2)
    # 08 keys that are exactly virtual node labels (hash == point, the >= boundary).
    nodes = node_names(rng, 10)
    labels = [f"{n}#{i}" for n in nodes for i in range(5)]
    rng.shuffle(labels)
    keys = labels[:40] + key_names(rng, 40)
    yield 5, nodes[:6], keys, random_ops(rng, nodes[:6], nodes[6:], keys, 150, 0.15,
                                         extra_keys=labels[40:])
    # 09 remove then re-add the same node: the same keys move back.
    nodes = node_names(rng, 5)
    keys = key_names(rng, 500)
    ops = []
    for n in nodes:
        ops += [("REMOVE", n), ("OWNER", keys[0]), ("ADD", n), ("OWNER", keys[0])]
    yield 10, nodes, keys, ops
    # 10 grow from 1 to 30 nodes one by one, then shrink back.
    nodes = node_names(rng, 30, prefix="cache")
    keys = key_names(rng, 2000)
    ops = [("ADD", n) for n in nodes[1:]] + [("REMOVE", n) for n in nodes[1:]]
    yield 20, nodes[:1], keys, ops
    # 11 only lookups, of keys that are mostly untracked.
    nodes = node_names(rng, 7)
    keys = key_names(rng, 10)
    yield 8, nodes, keys, [("OWNER", k) for k in key_names(rng, 300, 9)]
    # 12 names that are prefixes of each other ("n-1", "n-10", "n-100").
    nodes = ["n-1", "n-10", "n-100", "n-11", "n-2", "n-1000"]
    keys = key_names(rng, 400) + [f"{n}#{i}" for n in nodes for i in range(3)]
    yield 3, nodes[:4], keys, random_ops(rng, nodes[:4], nodes[4:], keys, 120, 0.3)
    # 13-16 random medium cases.
    for v, n, k, q, p in [(16, 20, 1000, 800, 0.05), (50, 8, 3000, 500, 0.1),
                          (2, 60, 1500, 1000, 0.1), (100, 3, 800, 400, 0.2)]:
        nodes = node_names(rng, n + n // 2)
        keys = key_names(rng, k)
        yield v, nodes[:n], keys, random_ops(rng, nodes[:n], nodes[n:], keys, q, p)
    # 17 the maximum replica count on few nodes.
    nodes = node_names(rng, 4)
    keys = key_names(rng, 2000)
    yield 1000, nodes[:2], keys, random_ops(rng, nodes[:2], nodes[2:], keys, 300, 0.03)
    # 18 many keys, lookups of keys hashed on node labels.
    nodes = node_names(rng, 40, prefix="pg")
    labels = [f"{n}#{i}" for n in nodes for i in range(10)]
    keys = key_names(rng, 3000) + labels[::7]
    yield 10, nodes[:30], keys, random_ops(rng, nodes[:30], nodes[30:], keys, 2000, 0.02,
                                           extra_keys=labels)
    # 19 large: 200 nodes x 100 replicas, 20 000 keys, 12 000 lookups and a few changes.
    nodes = node_names(rng, 201, prefix="node")
    keys = key_names(rng, 20_000, 5)
    ops = random_ops(rng, nodes[:200], [], keys, 12_000, 0.0)
    for at, op in [(2000, ("REMOVE", nodes[17])), (5000, ("ADD", nodes[200])),
                   (8000, ("REMOVE", nodes[123])), (11000, ("ADD", nodes[17]))]:
        ops.insert(at, op)
    yield 100, nodes[:200], keys, ops
    # 20 large: 60 nodes x 50 replicas, 5 000 keys, many changes.
    nodes = node_names(rng, 90, prefix="kv")
    keys = key_names(rng, 5_000, 5)
    yield 50, nodes[:60], keys, random_ops(rng, nodes[:60], nodes[60:], keys, 6_000, 0.01)
    # 21 large: lookups only, 150 nodes x 100 replicas.
    nodes = node_names(rng, 150, prefix="db")
    keys = key_names(rng, 2000, 5)
    yield 100, nodes, keys, random_ops(rng, nodes, [], keys, 15_000, 0.0)


def main():
    out = os.path.join(HERE, "tests")
    os.makedirs(out, exist_ok=True)
    for i, (v, nodes, keys, ops) in enumerate(cases(), 1):
        with open(os.path.join(out, f"{i:02}.in"), "w") as f:
            f.write(f"{v} {len(nodes)} {len(keys)} {len(ops)}\n")
            f.write(" ".join(nodes) + "\n")
            f.write(" ".join(keys) + "\n")
            f.write("".join(f"{k} {n}\n" for k, n in ops))
        with open(os.path.join(out, f"{i:02}.out"), "w") as f:
            f.write("".join(f"{line}\n" for line in solve(v, nodes, keys, ops)))


if __name__ == "__main__":
    main()
