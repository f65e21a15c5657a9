#!/usr/bin/env python3
"""Writes tests/NN.in and tests/NN.out for `saga-orchestrator`, deterministically (fixed seeds).

Run from anywhere: python3 content/problems/saga-orchestrator/gen.py
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
RESULTS = ["OK", "FAIL", "TIMEOUT", "FATAL"]


class Saga:
    def __init__(self):
        self.state = "RUNNING"
        self.undo = False  # is the pending command a compensation?
        self.step = 0  # the pending command's step
        self.fails = 0  # failures of the pending forward step
        self.issued = 1  # START issues D0
        self.undone = []


def apply(retries, sagas, order, ev):
    """Applies one event; returns True if it was not ignored."""
    k = len(retries)
    sid, kind = ev[0], ev[1]
    if kind == "START":
        if sid in sagas:
            return False
        sagas[sid] = Saga()
        order.append(sid)
        return True
    _, _, undo, step = ev
    s = sagas.get(sid)
    if s is None or s.state in ("COMPLETED", "COMPENSATED") or s.undo != undo or s.step != step:
        return False
    if undo:
        if kind == "OK":
            s.undone.append(step)
            if step == 0:
                s.state = "COMPENSATED"
            else:
                s.step -= 1
                s.issued += 1
        else:  # compensations are retried until they succeed, whatever the failure
            s.issued += 1
        return True
    if kind == "OK":
        if step == k - 1:
            s.state = "COMPLETED"
        else:
            s.step += 1
            s.fails = 0
            s.issued += 1
        return True
    if kind in ("FAIL", "TIMEOUT"):
        s.fails += 1
        if s.fails <= retries[step]:
            s.issued += 1
            return True
    # FATAL, or retries exhausted: compensate the completed steps step-1 .. 0
    if step == 0:
        s.state = "COMPENSATED"
    else:
        s.state = "COMPENSATING"
        s.undo = True
        s.step = step - 1
        s.issued += 1
    return True


def solve(retries, events):
    sagas, order = {}, []
    for ev in events:
        apply(retries, sagas, order, ev)
    out = []
    for sid in order:
        s = sagas[sid]
        if s.state == "COMPLETED":
            detail = "-"
        elif s.state == "COMPENSATED":
            detail = ",".join(map(str, s.undone)) if s.undone else "-"
        else:
            detail = ("U" if s.undo else "D") + str(s.step)
        out.append(f"{sid} {s.state} {s.issued} {detail}")
    return out


def random_log(rng, retries, n, nsagas, weights, noise, max_id=None, live=50):
    """n events over up to nsagas sagas: mostly the pending command's result, plus noise
    (duplicates, stale steps, events for finished or unknown sagas, repeated STARTs)."""
    max_id = max_id or 10 * nsagas + 10
    ids = rng.sample(range(1, max_id + 1), nsagas)
    sagas, order, events, active = {}, [], [], []
    nxt = 0
    while len(events) < n:
        r = rng.random()
        if (not active or (r < 0.08 and len(active) < live)) and nxt < len(ids):
            ev = (ids[nxt], "START")
            nxt += 1
        elif r < noise and events:
            c = rng.random()
            if c < 0.5:
                ev = rng.choice(events[-50:])  # a duplicate delivery
            elif c < 0.8 and order:
                sid = rng.choice(order)
                ev = (sid, rng.choice(RESULTS), rng.random() < 0.5, rng.randrange(len(retries)))
            elif c < 0.9 and order:
                ev = (rng.choice(order), "START")
            else:
                ev = (rng.randint(1, max_id), rng.choice(RESULTS), False, 0)
        elif active:
            sid = rng.choice(active)
            s = sagas[sid]
            ev = (sid, rng.choices(RESULTS, weights)[0], s.undo, s.step)
        else:
            ev = (rng.randint(1, max_id), "OK", False, 0)
        events.append(ev)
        if apply(retries, sagas, order, ev) and ev[1] == "START":
            active.append(ev[0])
        active = [a for a in active if sagas[a].state in ("RUNNING", "COMPENSATING")] \
            if len(active) < 64 or rng.random() < 0.05 else active
        if active and sagas[active[-1]].state in ("COMPLETED", "COMPENSATED"):
            active.pop()
    return events


def cases():
    # 01 sample: one saga completes, one fails fatally at capture and compensates 1 then 0.
    yield [1, 2, 0], [(7, "START"), (7, "OK", False, 0), (9, "START"), (7, "FAIL", False, 1),
                      (9, "OK", False, 0), (7, "OK", False, 1), (9, "OK", False, 1),
                      (9, "FATAL", False, 2), (7, "OK", False, 2), (9, "OK", True, 1),
                      (9, "OK", True, 0)]
    # 02 sample: retries run out; a compensation is retried; a duplicate is ignored.
    yield [0, 1, 0], [(3, "START"), (3, "OK", False, 0), (3, "OK", False, 0),
                      (3, "TIMEOUT", False, 1), (3, "FAIL", False, 1), (3, "FAIL", True, 0),
                      (3, "TIMEOUT", True, 0), (3, "OK", True, 0), (3, "OK", True, 0)]
    # 03 sample: the log ends mid-way; stale events, unknown sagas, a second START.
    yield [2, 2], [(5, "START"), (8, "OK", False, 0), (5, "OK", False, 1), (5, "OK", False, 0),
                   (6, "START"), (5, "START"), (6, "FATAL", False, 0), (6, "OK", True, 0),
                   (5, "FAIL", False, 1), (4, "START"), (4, "OK", False, 0),
                   (4, "FATAL", False, 1), (4, "FAIL", True, 0)]
    rng = random.Random(20251203)
    yield [3], []  # no events
    yield [0], [(1, "START")]  # started, nothing else
    yield [0], [(1, "START"), (1, "OK", False, 0)]  # a one-step saga completes
    yield [0], [(1, "START"), (1, "FAIL", False, 0)]  # fails at step 0: nothing to undo
    yield [0, 0], [(2, "OK", False, 0), (2, "START"), (2, "OK", True, 0), (2, "OK", False, 1),
                   (2, "OK", False, 0), (2, "FATAL", False, 1), (2, "OK", False, 1),
                   (2, "FATAL", True, 0), (2, "FATAL", True, 0), (2, "OK", True, 1),
                   (2, "OK", True, 0), (2, "OK", True, 0), (2, "START")]
    # Exactly r retries: r+1 attempts are allowed, the (r+1)-th failure compensates.
    yield [1, 3, 1], [(10, "START"), (10, "OK", False, 0)] + [(10, "FAIL", False, 1)] * 3 + \
        [(10, "OK", False, 1), (10, "TIMEOUT", False, 2), (10, "TIMEOUT", False, 2),
         (10, "OK", True, 1), (10, "OK", True, 0),
         (11, "START"), (11, "OK", False, 0)] + [(11, "FAIL", False, 1)] * 4 + \
        [(11, "OK", True, 0)]
    # Large retry budgets (up to 10^9) never run out here.
    yield [10**9, 10**9], [(999999999, "START")] + [(999999999, "FAIL", False, 0)] * 50 + \
        [(999999999, "OK", False, 0), (999999999, "TIMEOUT", False, 1)]
    # Small random logs, several step lists.
    yield [1, 1, 1, 1], random_log(rng, [1, 1, 1, 1], 60, 6, [6, 2, 1, 1], 0.2)
    yield [0, 2, 1], random_log(rng, [0, 2, 1], 200, 20, [5, 3, 2, 1], 0.25)
    yield [2, 0, 0, 3, 1], random_log(rng, [2, 0, 0, 3, 1], 500, 40, [8, 2, 2, 1], 0.3)
    yield [5], random_log(rng, [5], 400, 60, [3, 3, 3, 1], 0.2)
    yield [1] * 8, random_log(rng, [1] * 8, 2000, 150, [10, 2, 1, 1], 0.2)
    yield [0, 0, 0], random_log(rng, [0, 0, 0], 2000, 200, [3, 1, 1, 1], 0.4)
    # Many fatal failures: most sagas compensate deep histories.
    r = [3, 3, 3, 3, 3, 3]
    yield r, random_log(rng, r, 3000, 200, [12, 1, 1, 2], 0.15)
    # Compensations that keep failing: long retry chains on a few sagas.
    r = [0, 0, 0, 0]
    yield r, random_log(rng, r, 3000, 10, [1, 3, 3, 1], 0.1, live=3)
    # Large: 30 000 events over up to 9 000 sagas (scanning the log per saga is quadratic).
    r = [2, 1, 3, 0, 2]
    yield r, random_log(rng, r, 30_000, 9_000, [8, 2, 1, 1], 0.15, max_id=10**5, live=200)
    # Large: 30 000 events over up to 8 000 short sagas, lots of noise.
    r = [1, 0, 1]
    yield r, random_log(rng, r, 30_000, 8_000, [6, 2, 1, 1], 0.3, max_id=10**5, live=400)
    # Medium: one saga per START, all completing in order.
    evs = []
    for i in range(1, 1501):
        evs += [(i, "START"), (i, "OK", False, 0), (i, "OK", False, 1)]
    yield [0, 0], evs


def main():
    out = os.path.join(HERE, "tests")
    os.makedirs(out, exist_ok=True)
    for i, (retries, events) in enumerate(cases(), 1):
        with open(os.path.join(out, f"{i:02}.in"), "w") as f:
            f.write(f"{len(retries)} {len(events)}\n")
            f.write(" ".join(map(str, retries)) + "\n")
            for ev in events:
                if ev[1] == "START":
                    f.write(f"{ev[0]} START\n")
                else:
                    f.write(f"{ev[0]} {'U' if ev[2] else 'D'} {ev[3]} {ev[1]}\n")
        with open(os.path.join(out, f"{i:02}.out"), "w") as f:
            f.write("".join(line + "\n" for line in solve(retries, events)))


if __name__ == "__main__":
    main()
