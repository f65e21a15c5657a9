#!/usr/bin/env python3
"""Writes tests/NN.in and tests/NN.out for `circuit-breaker`, deterministically (fixed seeds).

Run from anywhere: python3 content/problems/circuit-breaker/gen.py
The expected outputs come from the Python model below; solutions/ref.rs and ref.go agree on every test.
"""
import os
import random
from collections import deque

HERE = os.path.dirname(os.path.abspath(__file__))


def solve(window, threshold, cooldown, trials, calls):
    state = "CLOSED"
    win = deque()
    fails = 0
    opened_at = 0
    done = 0
    transitions = 0
    out = []
    for t, ok in calls:
        if state == "OPEN" and t - opened_at >= cooldown:
            state, done = "HALF_OPEN", 0
            transitions += 1
        if state == "OPEN":
            out.append("SHORT_CIRCUITED")
            continue
        out.append("PASSED_OK" if ok else "PASSED_FAIL")
        if state == "CLOSED":
            win.append(ok)
            fails += not ok
            if len(win) > window:
                fails -= not win.popleft()
            if fails >= threshold:
                state, opened_at = "OPEN", t
                transitions += 1
        else:
            done += 1
            if not ok:
                state, opened_at = "OPEN", t
                transitions += 1
            elif done == trials:
                state = "CLOSED"
                win.clear()
                fails = 0
                transitions += 1
    out.append(str(transitions))
    return out


def write(idx, params, calls):
    window, threshold, cooldown, trials = params
    lines = [f"{window} {threshold} {cooldown} {trials} {len(calls)}"]
    lines += [f"{t} {'S' if ok else 'F'}" for t, ok in calls]
    with open(os.path.join(HERE, "tests", f"{idx:02}.in"), "w") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(HERE, "tests", f"{idx:02}.out"), "w") as f:
        f.write("".join(s + "\n" for s in solve(window, threshold, cooldown, trials, calls)))


def seq(start, step, pattern):
    """Calls at start, start + step, ... with outcomes from a string of S and F."""
    return [(start + i * step, c == "S") for i, c in enumerate(pattern)]


def bursts(rng, n, start, gap_max, fail_rate_calm, fail_rate_storm, storm_len):
    """Calls with random gaps; the dependency alternates calm and storm periods."""
    calls = []
    t = start
    storm = False
    left = storm_len
    for _ in range(n):
        t += rng.randint(0, gap_max)
        left -= 1
        if left <= 0:
            storm = not storm
            left = rng.randint(1, storm_len)
        rate = fail_rate_storm if storm else fail_rate_calm
        calls.append((t, rng.random() >= rate))
    return calls


def cases():
    # 01 sample: trips on the third failure in a window of 4, cooldown, one trial closes it.
    yield (4, 3, 100, 1), seq(0, 10, "SFFSF") + [(60, True), (139, True), (140, True), (150, False)]
    # 02 sample: a failed trial reopens; the cooldown restarts at the failed trial.
    yield (3, 2, 50, 2), [(0, False), (5, False), (20, True), (55, True), (56, False), (80, True), (105, True), (106, True), (107, False)]
    # 03 sample: after closing the window is empty, so old failures do not count again.
    yield (5, 3, 10, 1), seq(0, 1, "FFSF") + [(13, True), (14, False), (15, False), (16, True), (17, False)]
    # 04: a single call.
    yield (1, 1, 0, 1), [(0, False)]
    # 05: no calls at all.
    yield (10, 5, 1000, 3), []
    # 06: F = 1, cooldown 0: every failure opens, the next call is already a trial.
    yield (1, 1, 0, 1), seq(0, 0, "FFSFSSFS")
    # 07: all calls at the same millisecond; cooldown never elapses.
    yield (3, 2, 1, 1), seq(7, 0, "FFSSSFSS")
    # 08: exactly C after opening is half-open; C - 1 is still open.
    yield (2, 2, 1000, 2), [(0, False), (1, False), (1000, True), (1001, True), (1002, True), (1003, False), (2002, False), (2003, True), (2004, True)]
    # 09: failures fall out of the rolling window before the threshold is reached.
    yield (3, 2, 10, 1), seq(0, 1, "FSSFSSFSSFFS")
    # 10: all successes.
    yield (5, 1, 10, 1), seq(0, 3, "S" * 50)
    # 11: all failures, long cooldown, huge timestamps.
    yield (4, 4, 10**11, 3), seq(0, 10**10, "F" * 40)
    # 12: P trials all succeed one by one, then the next failure counts in a fresh window.
    yield (4, 2, 5, 3), seq(0, 1, "FF") + seq(10, 1, "SSS") + seq(20, 1, "FSF")
    # 13: the dependency keeps failing while open; short-circuited calls never delay half-open.
    yield (2, 1, 100, 1), [(0, False)] + seq(10, 10, "FFFFFFFFF") + [(100, True), (101, False)]
    rng = random.Random(20260602)
    # 14-17: small random logs with varied parameters.
    yield (5, 3, 20, 2), bursts(rng, 60, 0, 5, 0.1, 0.7, 8)
    yield (3, 1, 7, 1), bursts(rng, 80, 0, 4, 0.2, 0.8, 5)
    yield (8, 8, 50, 4), bursts(rng, 120, 100, 6, 0.05, 0.95, 20)
    yield (10, 4, 0, 2), bursts(rng, 100, 0, 2, 0.2, 0.6, 10)
    # 18: medium, realistic: 1 s cooldown, 5 trials, timestamps in ms.
    yield (20, 10, 1000, 5), bursts(rng, 5000, 1_700_000_000_000, 40, 0.02, 0.9, 300)
    # 19: large, frequent trips.
    yield (50, 20, 300, 3), bursts(rng, 15_000, 0, 30, 0.1, 0.8, 500)
    # 20: a huge window that stays closed: recounting the window per call is O(n·N).
    yield (30_000, 25_000, 5000, 10), bursts(rng, 30_000, 0, 3, 0.05, 0.3, 1000)
    # 21: a huge window, a storm that trips it late, then recovery and a second long run.
    calls = bursts(rng, 15_000, 0, 2, 0.3, 0.3, 10**9)
    calls += bursts(rng, 15_000, calls[-1][0] + 1, 2, 0.0, 0.0, 10**9)
    yield (20_000, 4000, 100, 50), calls


def main():
    os.makedirs(os.path.join(HERE, "tests"), exist_ok=True)
    for i, (params, calls) in enumerate(cases(), 1):
        write(i, params, calls)


if __name__ == "__main__":
    main()
