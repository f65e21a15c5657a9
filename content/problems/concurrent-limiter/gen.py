#!/usr/bin/env python3
"""Writes tests/NN.in and tests/NN.out for `concurrent-limiter`, deterministically (fixed seeds).

Run from anywhere: python3 content/problems/concurrent-limiter/gen.py

Timing rule the tests keep (the statement promises it): attempts are at distinct multiples of
10 ms and holds are 5, 15, 25, ... ms, so no two attempts happen at the same moment and no
attempt coincides with a release. The outcome is then a function of time alone.
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
TOKEN = {"a": "A", "o": "A", "e": "E", "p": "P"}


def model(limit, work):
    """work: per goroutine [(at, hold, mode)]. Returns the expected output lines."""
    attempts = sorted((at, g, j) for g, ops in enumerate(work) for j, (at, _, _) in enumerate(ops))
    times = [at for at, _, _ in attempts]
    assert len(set(times)) == len(times), "two attempts at the same moment"
    releases = []  # release times of the current holders
    out = [[""] * len(ops) for ops in work]
    peak = 0
    for at, g, j in attempts:
        releases = [r for r in releases if r > at]
        _, hold, mode = work[g][j]
        if len(releases) < limit:
            releases.append(at + hold)
            peak = max(peak, len(releases))
            out[g][j] = TOKEN[mode]
            assert j + 1 == len(work[g]) or work[g][j + 1][0] > at + hold
        else:
            out[g][j] = "R"
    for ops in work:
        for at, hold, _ in ops:
            assert at % 10 == 0 and hold % 10 == 5
    lines = [f"g{g + 1}: " + "".join(toks) for g, toks in enumerate(out)]
    lines += [f"peak {peak}", "in flight at the end 0", "release when idle: panic, in flight 0"]
    return lines


def simulate(rng, limit, goroutines, per_goroutine, p_issue, max_hold, modes):
    """Builds a workload on a 10 ms grid: at each slot at most one free goroutine attempts."""
    want = [per_goroutine() for _ in range(goroutines)]
    work = [[] for _ in range(goroutines)]
    free_at = [0] * goroutines  # first slot the goroutine may attempt again
    releases = []
    slot = 0
    while any(len(work[g]) < want[g] for g in range(goroutines)):
        t = slot * 10
        releases = [r for r in releases if r > t]
        ready = [g for g in range(goroutines) if len(work[g]) < want[g] and free_at[g] <= slot]
        if ready and rng.random() < p_issue:
            g = rng.choice(ready)
            hold = 10 * rng.randint(0, max_hold) + 5
            work[g].append((t, hold, rng.choice(modes)))
            if len(releases) < limit:
                releases.append(t + hold)
                free_at[g] = (t + hold) // 10 + 1
            else:
                free_at[g] = slot + 1
        slot += 1
    return work


def cases():
    # 01 sample: max 2; the third attempt finds both slots taken; after a release it gets in.
    yield 2, [[(0, 305, "a"), (400, 5, "a")],
              [(10, 105, "o"), (130, 15, "o")],
              [(20, 5, "a"), (120, 55, "a"), (200, 5, "a")]]
    # 02 sample: f's error and f's panic both give the slot back.
    yield 1, [[(0, 45, "e"), (100, 45, "p"), (200, 45, "o")],
              [(20, 5, "o"), (120, 5, "o"), (250, 5, "o")]]
    # 03 sample: max 1 means one holder, not two.
    yield 1, [[(0, 95, "a")], [(10, 5, "a"), (100, 5, "a")], [(20, 5, "o")]]
    rng = random.Random(20251208)
    yield 0, [[(0, 5, "a"), (10, 5, "o")], [(20, 5, "e")]]  # max 0: everything is rejected
    yield 3, []  # no goroutines
    yield 5, [[]]  # a goroutine with nothing to do
    yield 1, [[(0, 5, "a")]]  # one attempt
    # max 1000 with 50 goroutines: nobody is ever rejected.
    yield 1000, [[(10 * g, 1005, "a"), (10 * g + 2000, 5, "o")] for g in range(50)]
    # Exactly max holders, then one more: the boundary.
    yield 4, [[(10 * g, 995, "a")] for g in range(5)] + [[(990, 5, "a"), (1000, 5, "a")]]
    # Errors in a loop on a small limiter: a leaked slot per error would lock everyone out.
    yield 2, [[(200 * i + 10 * g, 15, "e") for i in range(30)] for g in range(3)]
    # Panics in a loop.
    yield 2, [[(200 * i + 10 * g, 15, "p") for i in range(30)] for g in range(3)]
    modes = "aoep"
    yield 3, simulate(rng, 3, 6, lambda: rng.randint(10, 30), 0.7, 10, modes)
    yield 1, simulate(rng, 1, 10, lambda: rng.randint(5, 20), 0.8, 6, modes)
    yield 10, simulate(rng, 10, 40, lambda: rng.randint(10, 40), 0.9, 40, "ao")
    yield 5, simulate(rng, 5, 30, lambda: rng.randint(10, 40), 0.6, 20, "eep")
    yield 50, simulate(rng, 50, 100, lambda: rng.randint(5, 30), 0.95, 200, modes)
    yield 7, simulate(rng, 7, 60, lambda: rng.randint(20, 60), 0.5, 15, modes)
    yield 2, simulate(rng, 2, 80, lambda: rng.randint(10, 30), 0.9, 3, "a")
    # Large: 300 goroutines, about 12 000 attempts.
    yield 16, simulate(rng, 16, 300, lambda: rng.randint(30, 50), 0.95, 60, modes)
    yield 100, simulate(rng, 100, 300, lambda: rng.randint(30, 50), 0.95, 400, modes)
    yield 1, simulate(rng, 1, 200, lambda: rng.randint(20, 40), 0.95, 8, modes)


def main():
    out = os.path.join(HERE, "tests")
    os.makedirs(out, exist_ok=True)
    for i, (limit, work) in enumerate(cases(), 1):
        with open(os.path.join(out, f"{i:02}.in"), "w") as f:
            f.write(f"{limit} {len(work)}\n")
            for ops in work:
                f.write(f"{len(ops)}" + "".join(f" {at} {h} {m}" for at, h, m in ops) + "\n")
        with open(os.path.join(out, f"{i:02}.out"), "w") as f:
            f.write("\n".join(model(limit, work)) + "\n")


if __name__ == "__main__":
    main()
