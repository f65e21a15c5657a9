#!/usr/bin/env python3
"""Writes tests/NN.in and tests/NN.out for `bounded-parallel-fetch`, deterministically (fixed seeds).

Run from anywhere: python3 content/problems/bounded-parallel-fetch/gen.py

The model: `limit` slots; each URL, in input order, starts on the slot that becomes free first
(at time 0 the first min(limit, n) start together). A failing URL fails when its latency has
elapsed. The batch fails at the earliest failure, or at the deadline if that comes first; at
that moment everything in flight is cancelled and nothing else starts. gen.py refuses tests
where that moment coincides with another fetch finishing, so the answer never depends on ties.
"""
import heapq
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def schedule(lat, limit):
    """Finish time of each URL when nothing is cancelled."""
    free = [0] * min(limit, len(lat))
    finish = []
    for l in lat:
        t = heapq.heappop(free) + l
        finish.append(t)
        heapq.heappush(free, t)
    return finish


def answer(limit, deadline, eps):
    """eps: list of (url, latency, status, balance). Returns the driver's expected output lines."""
    finish = schedule([e[1] for e in eps], limit)
    failures = [(finish[i], i) for i, e in enumerate(eps) if e[2] != 200]
    first = min(failures) if failures else None
    end = max(finish, default=0)
    stop = None  # (time, error message)
    if first is not None:
        stop = (first[0], f"GET {eps[first[1]][0]}: status {eps[first[1]][2]}")
    if deadline and deadline < end and (stop is None or deadline < stop[0]):
        stop = (deadline, "context deadline exceeded")
    if stop is None:
        return ["ok"] + [f"{u} {b}" for u, _, _, b in eps]
    t, msg = stop
    # No ties: the failing fetch (or the deadline) is alone at its moment.
    # No ties: no other started fetch finishes at the moment of failure (times are whole ms;
    # the virtual clock drifts by microseconds only).
    started = [i for i, e in enumerate(eps) if finish[i] - e[1] < t]
    assert all(finish[i] != t for i in started if msg.startswith("context") or i != first[1]), "tie"
    return [f"error: {msg}", "started after failure: 0", "finished after failure: 0"]


def url(rng, used):
    while True:
        u = f"https://bank{rng.randint(1, 40)}.example/acct/{rng.randint(1, 10**7)}"
        if u not in used:
            used.add(u)
            return u


def random_eps(rng, n, latency, fail_at=(), status=503):
    used = set()
    return [(url(rng, used), latency(i), status if i in fail_at else 200, rng.randint(0, 10**9))
            for i in range(n)]


def cases():
    # 01 sample: all succeed; at most 2 in flight; responses in input order.
    yield 2, 0, [("https://bank1.example/acct/a", 30, 200, 120000),
                 ("https://bank2.example/acct/b", 10, 200, 5),
                 ("https://bank1.example/acct/c", 15, 200, 0),
                 ("https://bank3.example/acct/d", 40, 200, 999999999999),
                 ("https://bank2.example/acct/e", 5, 200, 42)]
    # 02 sample: c fails at t=25 while a is in flight (cancelled) and d, e never start.
    yield 2, 0, [("https://bank1.example/acct/a", 50, 200, 1),
                 ("https://bank2.example/acct/b", 10, 200, 2),
                 ("https://bank1.example/acct/c", 15, 503, 0),
                 ("https://bank3.example/acct/d", 5, 200, 4),
                 ("https://bank2.example/acct/e", 5, 200, 5)]
    # 03 sample: two failures; the later URL fails first in time, and that is the error.
    yield 3, 0, [("https://bank1.example/acct/a", 80, 500, 0),
                 ("https://bank2.example/acct/b", 40, 200, 7),
                 ("https://bank3.example/acct/c", 20, 429, 0)]
    rng = random.Random(20251205)
    yield 4, 0, []  # no URLs: "ok" at once
    yield 1, 0, [("https://bank9.example/acct/solo", 7, 200, 100)]
    yield 3, 0, [("https://bank9.example/acct/solo", 7, 502, 0)]
    yield 50, 0, random_eps(rng, 20, lambda i: rng.randint(1, 100))  # limit above n
    # limit 1: a sequential run is right; after the failure the rest never start.
    yield 1, 0, random_eps(rng, 30, lambda i: rng.randint(1, 50), fail_at={12})
    # The deadline expires mid-batch: everything in flight is cancelled, nothing else starts.
    yield 4, 1001, random_eps(rng, 80, lambda i: 10 * rng.randint(1, 10))
    yield 4, 9999, random_eps(rng, 80, lambda i: 10 * rng.randint(1, 10))  # deadline never hit
    # Only the very last URL fails, after all others succeeded.
    yield 5, 0, random_eps(rng, 40, lambda i: 1000 if i == 39 else rng.randint(1, 20), fail_at={39})
    # The first URL fails last: everything else has finished by then.
    yield 6, 0, random_eps(rng, 60, lambda i: 5000 if i == 0 else rng.randint(1, 50), fail_at={0})
    yield 10, 0, random_eps(rng, 10, lambda i: 100 + 7 * i, fail_at={9})  # limit == n
    # Every URL fails: the quickest one is the error.
    yield 8, 0, random_eps(rng, 30, lambda i: 3 * (i * 7 % 30) + 10, fail_at=set(range(30)), status=500)
    # Many failures spread out; the first in time is not the lowest index.
    lat16 = [rng.randint(1, 400) for _ in range(300)]
    yield 16, 0, random_eps(rng, 300, lambda i: 1000 + 2 * i if i < 20 else lat16[i], fail_at=set(range(0, 300, 10)))
    yield 16, 0, random_eps(rng, 3000, lambda i: rng.randint(1, 300))  # large, all succeed
    yield 500, 0, random_eps(rng, 1000, lambda i: rng.randint(1, 1000))  # very wide
    # Large, one early failure: a version that does not cancel keeps starting thousands.
    yield 50, 0, random_eps(rng, 5000, lambda i: 2 * rng.randint(1, 100) + (1 if i == 120 else 0), fail_at={120})
    # Large, one failure near the end.
    yield 8, 0, random_eps(rng, 3000, lambda i: 2 * rng.randint(1, 100) + (1 if i == 2900 else 0), fail_at={2900})
    # Large with a deadline in the middle.
    yield 10, 20001, random_eps(rng, 2000, lambda i: 10 * rng.randint(1, 20))
    yield 32, 0, random_eps(rng, 5000, lambda i: rng.randint(1, 200))  # large, all succeed
    yield 2, 0, random_eps(rng, 2, lambda i: 10 - 3 * i, fail_at={1})  # tiny: fails while the other runs
    yield 7, 0, random_eps(rng, 500, lambda i: 4 * rng.randint(1, 50) + (3 if i == 444 else 0), fail_at={444, 480}, status=504)


def main():
    out = os.path.join(HERE, "tests")
    os.makedirs(out, exist_ok=True)
    for i, (limit, deadline, eps) in enumerate(cases(), 1):
        with open(os.path.join(out, f"{i:02}.in"), "w") as f:
            f.write(f"{len(eps)} {limit} {deadline}\n")
            f.write("".join(f"{u} {l} {s} {b}\n" for u, l, s, b in eps))
        lines = answer(limit, deadline, eps)
        with open(os.path.join(out, f"{i:02}.out"), "w") as f:
            f.write("".join(line + "\n" for line in lines))
        print(f"{i:02}: n={len(eps)} limit={limit} deadline={deadline}: {lines[0][:70]}")


if __name__ == "__main__":
    main()
