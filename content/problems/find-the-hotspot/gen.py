#!/usr/bin/env python3
"""Writes tests/NN.in and tests/NN.out for `find-the-hotspot`, deterministically (fixed seeds).

Run from anywhere: python3 content/problems/find-the-hotspot/gen.py
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def top(samples, k):
    """pprof -top: flat = samples where f is the leaf, cum = samples where f is on the stack
    (once per sample, however often it recurses). Ties: count desc, then name (bytes) asc."""
    flat, cum = {}, {}
    total = 0
    for count, stack in samples:
        total += count
        for f in set(stack):
            cum[f] = cum.get(f, 0) + count
            flat.setdefault(f, 0)
        flat[stack[-1]] += count
    names = list(cum)
    by_flat = sorted(names, key=lambda f: (-flat[f], f.encode()))[:k]
    by_cum = sorted(names, key=lambda f: (-cum[f], f.encode()))[:k]
    lines = [f"total {total}", "flat"]
    lines += [f"{f} {flat[f]} {cum[f]}" for f in by_flat]
    lines.append("cum")
    lines += [f"{f} {flat[f]} {cum[f]}" for f in by_cum]
    return lines


def ids(n):
    """Short distinct ids: f0, f1, ..., in base 36 to keep the tests small."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = []
    for i in range(n):
        s, x = "", i
        while True:
            s = digits[x % 36] + s
            x //= 36
            if x == 0:
                break
        out.append("f" + s)
    return out


def random_profile(rng, n, funcs, max_depth, max_count, recursion=0.0):
    """Stacks that start at a few roots and walk a random call tree; with probability
    `recursion` a frame calls a function already on the stack (direct or mutual recursion)."""
    roots = funcs[: max(1, len(funcs) // 100)]
    samples = []
    for _ in range(n):
        depth = rng.randint(1, max_depth)
        stack = [rng.choice(roots)]
        while len(stack) < depth:
            if len(stack) > 1 and rng.random() < recursion:
                stack.append(rng.choice(stack))
            else:
                stack.append(rng.choice(funcs))
        samples.append((rng.randint(1, max_count), stack))
    return samples


def cases():
    # 01 sample: a small checkout service (flat picks the leaf, cum the whole path).
    yield 3, [
        (40, ["main.main", "api.(*Server).Pay", "json.Unmarshal"]),
        (25, ["main.main", "api.(*Server).Pay", "crypto/sha256.block"]),
        (20, ["main.main", "api.(*Server).Pay", "db.(*Pool).Query", "syscall.Syscall"]),
        (10, ["main.main", "runtime.gcBgMarkWorker"]),
        (5, ["main.main"]),
    ]
    # 02 sample: recursion counts once per sample in cum; ties broken by name.
    yield 4, [
        (3, ["main", "walk", "walk", "walk", "hash"]),
        (2, ["main", "walk", "hash"]),
        (2, ["main", "walk", "walk"]),
        (1, ["main", "encode"]),
        (1, ["main", "a", "b", "a", "b"]),
    ]
    # 03 sample: k larger than the number of functions, equal counts everywhere.
    yield 10, [(7, ["zeta"]), (7, ["alpha"]), (7, ["Beta"]), (7, ["beta"])]
    rng = random.Random(20250611)
    yield 1, [(1, ["main"])]  # one sample, one frame
    yield 5, [(10**9, ["main", "main", "main"])]  # recursion of the root, max count
    yield 1, [(1, ["b"]), (1, ["a"])]  # k = 1: the tie goes to the smaller name
    # Mutual recursion: a and b alternate on a deep stack.
    yield 3, [(5, ["a", "b"] * 25), (3, ["b", "a"] * 10), (1, ["c", "a"])]
    # The same stack repeated as separate samples must add up.
    yield 2, [(4, ["main", "work", "leaf"])] * 50
    # Counts near 10^9 over many samples: totals exceed 2^31 (use 64 bits).
    yield 5, [(10**9 - i, ["main", "api.handle", f"leaf{i % 4}"]) for i in range(300)]
    # Names differing only in case and punctuation sort by bytes.
    yield 8, [(2, ["main", "Z"]), (2, ["main", "a"]), (2, ["main", "_"]), (2, ["main", "A"]),
              (2, ["main", "a.b"]), (2, ["main", "a/b"]), (2, ["main", "(*T).m"])]
    # A coordinator: large cum, zero flat, under many leaves.
    yield 4, [(i % 7 + 1, ["main", "dispatch", f"h{i}"]) for i in range(40)]
    funcs = ids(300)
    yield 10, random_profile(rng, 500, funcs, 12, 20)
    yield 20, random_profile(rng, 1000, funcs, 20, 1000, recursion=0.3)
    yield 50, random_profile(rng, 2000, ids(60), 30, 5, recursion=0.5)
    yield 1, random_profile(rng, 1500, ids(1000), 8, 10**9)
    yield 100, random_profile(rng, 2000, ids(80), 6, 3)
    # Deep recursion only: every frame is the same function.
    yield 3, [(rng.randint(1, 9), ["main"] + ["fib"] * rng.randint(1, 50)) for _ in range(1500)]
    # Large: 2 000 functions, ~120 000 frames, some recursion (a rescan per function is too slow).
    yield 25, random_profile(rng, 6000, ids(2000), 40, 100, recursion=0.2)
    # Large: heavy recursion on deep stacks, top lists longer than the data in places.
    yield 40, random_profile(rng, 2500, ids(1500), 50, 1000, recursion=0.6)
    # Large: many shallow samples over 2 000 functions.
    yield 10, random_profile(rng, 10000, ids(2000), 6, 10**6)
    # k = number of functions: the whole table.
    yield 150, random_profile(rng, 800, ids(150), 10, 50, recursion=0.1)


def main():
    out = os.path.join(HERE, "tests")
    os.makedirs(out, exist_ok=True)
    for i, (k, samples) in enumerate(cases(), 1):
        with open(os.path.join(out, f"{i:02}.in"), "w") as f:
            f.write(f"{len(samples)} {k}\n")
            f.write("".join(f"{c} {len(s)} {' '.join(s)}\n" for c, s in samples))
        with open(os.path.join(out, f"{i:02}.out"), "w") as f:
            f.write("".join(line + "\n" for line in top(samples, k)))


if __name__ == "__main__":
    main()
