#!/usr/bin/env python3
"""Writes tests/NN.in and tests/NN.out for `lru-cache`, deterministically (fixed seeds).

Run from anywhere: python3 content/problems/lru-cache/gen.py
"""
import os
import random
from collections import OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
MASK = (1 << 64) - 1
BIG = 9 * 10**18
SHOW = 1000  # the driver lists the results themselves when there are at most this many


def run(capacity, ops):
    """The model: an OrderedDict kept from least to most recently used."""
    cache = OrderedDict()
    results, evictions = [], 0
    for op in ops:
        if op[0] == "G":
            k = op[1]
            if k in cache:
                cache.move_to_end(k)
                results.append(cache[k])
            else:
                results.append(-1)
        else:
            _, k, v = op
            if k in cache:
                cache[k] = v
                cache.move_to_end(k)
            else:
                if len(cache) == capacity:
                    cache.popitem(last=False)
                    evictions += 1
                cache[k] = v
    return results, evictions


def render(results, evictions):
    h = 0
    for r in results:
        h = (h * 1_000_003 + (r & MASK)) & MASK
    out = f"gets {len(results)} evictions {evictions}\nchecksum {h}\n"
    if len(results) <= SHOW:
        out += " ".join(map(str, results)) + "\n"
    return out


def random_ops(rng, n, keys, put_pct, max_val=999):
    """n operations on keys drawn from the list `keys`; put_pct percent are PUTs."""
    ops = []
    for _ in range(n):
        k = rng.choice(keys)
        if rng.randrange(100) < put_pct:
            ops.append(("P", k, rng.randint(0, max_val)))
        else:
            ops.append(("G", k))
    return ops


def hot_cold(rng, n, hot, cold, put_pct, hot_pct):
    """A small hot set read again and again, plus a stream of cold keys passing through."""
    ops = []
    for _ in range(n):
        k = rng.randrange(hot) if rng.randrange(100) < hot_pct else hot + rng.randrange(cold)
        if rng.randrange(100) < put_pct:
            ops.append(("P", k, rng.randint(0, 99)))
        else:
            ops.append(("G", k))
    return ops


def cases():
    # 01 sample: a GET is a use, so the other key is evicted.
    yield 2, [("P", 1, 1), ("P", 2, 2), ("G", 1), ("P", 3, 3), ("G", 2), ("P", 4, 4),
              ("G", 1), ("G", 3), ("G", 4)]
    # 02 sample: a PUT of a cached key updates it, refreshes it and evicts nothing.
    yield 2, [("P", 1, 10), ("P", 2, 20), ("P", 1, 11), ("P", 3, 30), ("G", 1), ("G", 2),
              ("G", 3)]
    # 03 sample: capacity 1, a negative key, and a stored value that is itself -1.
    yield 1, [("P", -5, 7), ("G", -5), ("P", 9, -1), ("G", -5), ("G", 9), ("P", 9, 4),
              ("G", 9)]
    rng = random.Random(20251203)
    yield 3, []  # no operations at all
    yield 5, [("G", k) for k in range(-250, 250)]  # only GETs on an empty cache: all miss
    yield 1, [("P", 0, 0)]  # a single PUT
    # Capacity 1: every new key evicts the previous one.
    yield 1, random_ops(rng, 3000, [1, 2, 3], 50)
    # The same key written over and over: never an eviction.
    ops = []
    for i in range(1500):
        ops.append(("P", 42, i))
        if i % 3 == 0:
            ops.append(("G", 42))
    yield 1, ops
    yield 4, [("P", 7, v) for v in range(200)] + [("G", 7), ("G", 8)]
    # Keys and values at +-9*10^18 (and next to them): 64-bit everywhere.
    ext = [BIG, -BIG, BIG - 1, -BIG + 1, 0, -1, 1]
    ops = []
    for _ in range(600):
        k = rng.choice(ext)
        if rng.randrange(2):
            ops.append(("P", k, rng.choice(ext + [rng.randint(-BIG, BIG)])))
        else:
            ops.append(("G", k))
    yield 3, ops
    # Sparse random 64-bit keys over a small pool: hashing, not indexing.
    pool = [rng.randint(-BIG, BIG) for _ in range(60)]
    yield 25, random_ops(rng, 3000, pool, 40, BIG)
    # Capacity above the number of distinct keys: nothing is ever evicted.
    yield 1000, random_ops(rng, 3000, list(range(500)), 50)
    # A GET must refresh: the read key survives, the other one goes.
    ops = []
    for r in range(300):
        a, b, c = 3 * r, 3 * r + 1, 3 * r + 2
        ops += [("P", a, r), ("P", b, r), ("G", a), ("P", c, r), ("G", a), ("G", b)]
    yield 2, ops
    # A PUT of a cached key in a full cache must not evict and must refresh it.
    ops = [("P", 1, 0), ("P", 2, 0), ("P", 3, 0)]
    for r in range(300):
        ops += [("P", 1 + r % 3, r), ("P", 100 + r, r), ("G", 1), ("G", 2), ("G", 3),
                ("G", 100 + r)]
    yield 3, ops
    # A cyclic scan over capacity + 1 keys: LRU's worst case, every GET misses.
    c = 50
    ops = []
    for i in range(3000):
        k = i % (c + 1)
        ops += [("G", k), ("P", k, i)]
    yield c, ops
    # Random mixes of various sizes.
    yield 2, random_ops(rng, 3000, list(range(6)), 50)
    yield 10, random_ops(rng, 4000, list(range(25)), 30)
    yield 100, random_ops(rng, 5000, list(range(-150, 150)), 60, 10**6)
    yield 700, hot_cold(rng, 6000, 400, 4000, 40, 70)
    yield 1000, random_ops(rng, 6000, list(range(1500)), 50)
    # Large: the cache holds tens of thousands of keys; scanning it per operation is too slow.
    yield 15000, random_ops(rng, 60000, list(range(30000)), 50, 99)
    yield 10000, hot_cold(rng, 45000, 8000, 60000, 55, 70)
    # Large, capacity 1: cheap for everybody, but fills evictions.
    yield 1, random_ops(rng, 20000, list(range(4)), 50, 9)


def fmt(op):
    return f"G {op[1]}\n" if op[0] == "G" else f"P {op[1]} {op[2]}\n"


def main():
    out = os.path.join(HERE, "tests")
    os.makedirs(out, exist_ok=True)
    for i, (capacity, ops) in enumerate(cases(), 1):
        with open(os.path.join(out, f"{i:02}.in"), "w") as f:
            f.write(f"{capacity} {len(ops)}\n")
            f.write("".join(fmt(op) for op in ops))
        with open(os.path.join(out, f"{i:02}.out"), "w") as f:
            f.write(render(*run(capacity, ops)))


if __name__ == "__main__":
    main()
