#!/usr/bin/env python3
"""Writes tests/NN.in and tests/NN.out for `worker-pool-results`, deterministically (fixed seeds).

Run from anywhere: python3 content/problems/worker-pool-results/gen.py
It also prints, per test, the virtual time a busy pool needs (the driver checks the learner's
run against the same list-scheduling model, with 2% + 20 ms of slack for clock readings).
"""
import heapq
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def fee(amount):
    return 25 + amount * 29 // 1000  # 2.9% + 25 cents, rounded down (amounts are >= 0)


def makespan(jobs, workers):
    """List scheduling: each job, in input order, goes to the worker that is free first."""
    if not jobs:
        return 0
    free = [0] * min(workers, len(jobs))
    for _, _, latency in jobs:
        heapq.heapreplace(free, free[0] + latency)
    return max(free)


def make_jobs(rng, n, latency, max_amount=10**6):
    ids = rng.sample(range(1, 10**9), n)
    return [(ids[i], rng.randint(0, max_amount), latency(i)) for i in range(n)]


def cases():
    # 01 sample: results come back out of order (job 2 is slow), but must be returned in input order.
    yield 2, [(101, 1000, 30), (205, 2500, 10), (150, 400, 10), (999, 9900, 20), (7, 0, 5)]
    # 02 sample: more workers than jobs.
    yield 8, [(3, 123456, 40), (1, 100, 20), (2, 99999, 60)]
    # 03 sample: no jobs at all: return at once, without deadlocking or leaking.
    yield 3, []
    rng = random.Random(20251204)
    yield 1, [(42, 5000, 7)]  # one job, one worker
    yield 5, [(42, 5000, 7)]  # one job, idle workers must still exit
    yield 1, make_jobs(rng, 50, lambda i: rng.randint(1, 30))  # one worker: sequential is right
    yield 10, make_jobs(rng, 100, lambda i: 25)  # equal latencies: ties everywhere
    yield 7, make_jobs(rng, 200, lambda i: 300 - i)  # the later the job, the sooner it finishes
    yield 4, make_jobs(rng, 120, lambda i: rng.randint(1, 100), max_amount=10**12)  # 64-bit fees
    yield 64, make_jobs(rng, 64, lambda i: rng.randint(1, 1000))  # workers == jobs
    # One slow payout first: a pool that deals jobs round-robin leaves worker 0 with a backlog.
    yield 3, make_jobs(rng, 300, lambda i: 900 if i == 0 else rng.randint(1, 10))
    yield 16, make_jobs(rng, 500, lambda i: rng.randint(1, 200))
    yield 500, make_jobs(rng, 1000, lambda i: rng.randint(1, 1000))  # a very wide pool
    yield 2, make_jobs(rng, 400, lambda i: rng.choice([1, 1, 1, 500]))
    yield 4, make_jobs(rng, 2000, lambda i: rng.randint(1, 1000))
    yield 32, make_jobs(rng, 5000, lambda i: rng.randint(1, 200))
    yield 100, make_jobs(rng, 5000, lambda i: rng.randint(50, 150))
    # Heavy tail: most calls are fast, a few take a second (batches wait for the slowest).
    yield 8, make_jobs(rng, 3000, lambda i: 1000 if rng.random() < 0.02 else rng.randint(5, 40))
    yield 8, make_jobs(rng, 5000, lambda i: 1)  # many tiny jobs
    yield 7, make_jobs(rng, 4999, lambda i: rng.randint(1, 1000))
    yield 2, make_jobs(rng, 2, lambda i: 10 - 5 * i)
    yield 300, make_jobs(rng, 299, lambda i: rng.randint(1, 50))  # one idle worker
    yield 9, make_jobs(rng, 4000, lambda i: 1 + (i * 37) % 97)


def main():
    out = os.path.join(HERE, "tests")
    os.makedirs(out, exist_ok=True)
    for i, (workers, jobs) in enumerate(cases(), 1):
        with open(os.path.join(out, f"{i:02}.in"), "w") as f:
            f.write(f"{len(jobs)} {workers}\n")
            f.write("".join(f"{j} {a} {l}\n" for j, a, l in jobs))
        with open(os.path.join(out, f"{i:02}.out"), "w") as f:
            f.write("".join(f"{j} {fee(a)}\n" for j, a, _ in jobs))
        print(f"{i:02}: n={len(jobs)} workers={workers} makespan={makespan(jobs, workers)} ms")


if __name__ == "__main__":
    main()
