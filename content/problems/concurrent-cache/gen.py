#!/usr/bin/env python3
"""Writes tests/NN.in and tests/NN.out for `concurrent-cache`, deterministically (fixed seeds).

Run from anywhere: python3 content/problems/concurrent-cache/gen.py

Timing rule the tests keep (the statement promises it): every Get is at a multiple of 100 ms and
every load takes 50, 150, 250, ... ms, so a load always ends between two Gets and the outcome of a
workload does not depend on how a correct cache orders simultaneous callers. The model below
walks the 100 ms slots in order.
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def model(keys, plans, work):
    """keys: list of ids; plans: id -> [(latency, ok)]; work: per goroutine [(at, key)].

    Returns the expected output lines."""
    events = {}  # time -> [(goroutine, op index, key)]
    for g, ops in enumerate(work):
        for j, (at, key) in enumerate(ops):
            events.setdefault(at, []).append((g, j, key))
    calls = {k: 0 for k in keys}
    cached = {}  # key -> version of the cached success
    inflight = {}  # key -> (end, result token)
    ends = []  # end times of every load, for the peak
    seen = [[None] * len(ops) for ops in work]
    peak = 0
    for t in sorted(events):
        for key in [k for k, (end, _) in inflight.items() if end < t]:
            end, res = inflight.pop(key)
            if res.startswith("v"):
                cached[key] = res
        for g, j, key in events[t]:
            if key in cached:
                seen[g][j] = f"{key}={cached[key]}(0)"
            elif key in inflight:
                end, res = inflight[key]
                seen[g][j] = f"{key}={res}({end - t})"
            else:
                calls[key] += 1
                n = calls[key]
                lat, ok = plans[key][min(n, len(plans[key])) - 1]
                res = f"v{n}" if ok else f"err{n}"
                inflight[key] = (t + lat, res)
                ends.append((t, t + lat))
                seen[g][j] = f"{key}={res}({lat})"
        peak = max(peak, len(inflight))
    for g, ops in enumerate(work):  # a goroutine's next Get comes after its previous returned
        for j in range(1, len(ops)):
            wait = int(seen[g][j - 1].rsplit("(", 1)[1][:-1])
            assert ops[j][0] > ops[j - 1][0] + wait, (g, j)
    lines = [f"g{g + 1}:" + "".join(" " + s for s in ops) for g, ops in enumerate(seen)]
    lines.append("loads:" + "".join(f" {k}={calls[k]}" for k in keys))
    lines.append(f"peak {peak}")
    return lines


def check_timing(plans, work):
    """Each goroutine's next Get must come after its previous one returned (the model's times)."""
    for ops in work:
        for at, _ in ops:
            assert at % 100 == 0
    for plan in plans.values():
        for lat, _ in plan:
            assert lat % 100 == 50


def ids(rng, k):
    words = ["acme", "shop", "pay", "mart", "cafe", "fly", "book", "gym", "taxi", "bank"]
    seen, out = set(), []
    while len(out) < k:
        s = f"{rng.choice(words)}-{rng.randint(1, 99999)}"
        if s not in seen:
            seen.add(s)
            out.append(s)
    return out


def simulate(rng, keys, plans, goroutines, per_goroutine, p_issue, pick, slots=100000):
    """Builds a workload slot by slot: a goroutine that is free issues its next Get with
    probability p_issue; it is busy until the slot after its Get returned."""
    work = [[] for _ in range(goroutines)]
    want = [per_goroutine() for _ in range(goroutines)]
    free_at = [0] * goroutines
    calls = {k: 0 for k in keys}
    cached = set()
    inflight = {}  # key -> (end, ok)
    slot = 0
    while any(len(work[g]) < want[g] for g in range(goroutines)) and slot < slots:
        t = slot * 100
        for key in [k for k, (end, _) in inflight.items() if end < t]:
            end, ok = inflight.pop(key)
            if ok:
                cached.add(key)
        for g in range(goroutines):
            if len(work[g]) >= want[g] or free_at[g] > slot or rng.random() >= p_issue:
                continue
            key = pick()
            work[g].append((t, key))
            if key in cached:
                free_at[g] = slot + 1
                continue
            if key not in inflight:
                calls[key] += 1
                lat, ok = plans[key][min(calls[key], len(plans[key])) - 1]
                inflight[key] = (t + lat, ok)
            end = inflight[key][0]
            free_at[g] = end // 100 + 1
        slot += 1
    return work


def random_plans(rng, keys, max_attempts, max_lat_slots, p_fail):
    return {
        k: [(100 * rng.randint(0, max_lat_slots) + 50, rng.random() >= p_fail)
            for _ in range(rng.randint(1, max_attempts))]
        for k in keys
    }


def random_case(rng, nkeys, goroutines, ops, p_issue, max_attempts, max_lat, p_fail, hot=0.0):
    keys = ids(rng, nkeys)
    plans = random_plans(rng, keys, max_attempts, max_lat, p_fail)
    hot_keys = keys[: max(1, nkeys // 20)]

    def pick():
        if rng.random() < hot:
            return rng.choice(hot_keys)
        return rng.choice(keys)

    work = simulate(rng, keys, plans, goroutines, lambda: rng.randint(ops // 2, ops), p_issue, pick)
    return keys, plans, work


def cases():
    # 01 sample: two goroutines miss "acme" at the same moment: one load, both get version 1;
    # later Gets are hits.
    yield (["acme"], {"acme": [(150, True)]},
           [[(0, "acme"), (200, "acme")], [(0, "acme"), (300, "acme")]])
    # 02 sample: the load fails; both callers get that error; the next Get retries and succeeds.
    yield (["shop-7"], {"shop-7": [(250, False), (50, True)]},
           [[(0, "shop-7"), (400, "shop-7")], [(100, "shop-7"), (500, "shop-7")]])
    # 03 sample: different merchants load in parallel; a third caller joins the slower load.
    yield (["acme", "cafe-2"], {"acme": [(350, True)], "cafe-2": [(150, True)]},
           [[(0, "acme"), (400, "cafe-2")], [(0, "cafe-2"), (200, "acme")],
            [(100, "acme")]])
    rng = random.Random(20251207)
    yield [], {}, []  # nothing at all
    yield ["solo"], {"solo": [(50, True)]}, [[(0, "solo")]]  # one Get
    yield ["solo"], {"solo": [(50, True)]}, [[]]  # a goroutine with no Gets; nothing loaded
    # One goroutine, one merchant: a miss, then only hits.
    yield ["m1"], {"m1": [(950, True)]}, [[(100 * i, "m1") for i in (0, 10, 11, 12, 50)]]
    # A stampede: 60 goroutines miss the same merchant at the same moment.
    yield ["hot"], {"hot": [(550, True)]}, [[(0, "hot"), (600, "hot")] for _ in range(60)]
    # A stampede on a failing load, then everybody retries at once: exactly one retry.
    yield (["hot"], {"hot": [(250, False), (450, True)]},
           [[(0, "hot"), (300, "hot"), (800, "hot")] for _ in range(40)])
    # A merchant whose service is down: every Get is a new load, nothing is cached.
    yield ["down"], {"down": [(50, False)]}, [[(100 * i, "down") for i in range(30)]]
    # Fails twice, then works; callers joining each failed attempt share its error.
    yield (["flaky"], {"flaky": [(150, False), (150, False), (150, True)]},
           [[(0, "flaky"), (200, "flaky"), (400, "flaky"), (600, "flaky")],
            [(100, "flaky"), (300, "flaky"), (500, "flaky"), (700, "flaky")]])
    # 40 merchants, each missed by its own goroutine at the same moment: 40 loads in parallel.
    keys = [f"m{i:02}" for i in range(40)]
    yield (keys, {k: [(250, True)] for k in keys},
           [[(0, k), (300, k)] for k in keys])
    # Fast and slow merchants interleaved: a global lock makes the fast ones wait.
    keys = ["slow", "fast1", "fast2", "fast3"]
    plans = {"slow": [(1950, True)], "fast1": [(50, True)], "fast2": [(50, False), (50, True)],
             "fast3": [(150, True)]}
    yield keys, plans, [[(0, "slow")], [(100, "fast1"), (200, "fast2"), (300, "fast2")],
                        [(100, "fast3"), (400, "slow")], [(1000, "fast1"), (1100, "slow")]]
    yield random_case(rng, 5, 8, 20, 0.5, 3, 4, 0.3)
    yield random_case(rng, 20, 20, 30, 0.3, 3, 6, 0.2, hot=0.5)
    yield random_case(rng, 3, 50, 20, 0.4, 4, 3, 0.5)
    yield random_case(rng, 100, 30, 40, 0.6, 2, 8, 0.1)
    yield random_case(rng, 8, 100, 15, 0.2, 4, 5, 0.4, hot=0.3)
    # Large: many goroutines on a few hot merchants with frequent failures.
    yield random_case(rng, 60, 300, 40, 0.3, 4, 6, 0.3, hot=0.7)
    # Large: many merchants, mostly cold misses loading in parallel.
    yield random_case(rng, 2000, 200, 40, 0.5, 3, 9, 0.15)
    # Large: everything fails often; retries must not be de-duplicated across failures.
    yield random_case(rng, 30, 250, 30, 0.5, 4, 3, 0.6, hot=0.5)


def main():
    out = os.path.join(HERE, "tests")
    os.makedirs(out, exist_ok=True)
    for i, (keys, plans, work) in enumerate(cases(), 1):
        check_timing(plans, work)
        with open(os.path.join(out, f"{i:02}.in"), "w") as f:
            f.write(f"{len(keys)} {len(work)}\n")
            for k in keys:
                f.write(f"{k} {len(plans[k])}" + "".join(
                    f" {lat} {'ok' if ok else 'err'}" for lat, ok in plans[k]) + "\n")
            for ops in work:
                f.write(f"{len(ops)}" + "".join(f" {at} {key}" for at, key in ops) + "\n")
        with open(os.path.join(out, f"{i:02}.out"), "w") as f:
            f.write("\n".join(model(keys, plans, work)) + "\n")


if __name__ == "__main__":
    main()
