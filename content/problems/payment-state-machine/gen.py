#!/usr/bin/env python3
"""Writes tests/NN.in and tests/NN.out for `payment-state-machine`, deterministically.

Run from anywhere: python3 content/problems/payment-state-machine/gen.py
The expected outputs come from the model below; both reference solutions must agree with it.
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = ["CREATE", "SUBMIT", "AUTHORIZE", "FAIL", "CAPTURE", "VOID", "REFUND"]
WITH_AMOUNT = {"CREATE", "CAPTURE", "REFUND"}

# (event, state) -> next state; CAPTURE and REFUND also check amounts.
TABLE = {
    ("SUBMIT", "CREATED"): "PENDING",
    ("AUTHORIZE", "CREATED"): "AUTHORIZED",
    ("AUTHORIZE", "PENDING"): "AUTHORIZED",
    ("FAIL", "CREATED"): "FAILED",
    ("FAIL", "PENDING"): "FAILED",
    ("VOID", "AUTHORIZED"): "VOIDED",
    ("CAPTURE", "AUTHORIZED"): "CAPTURED",
    ("REFUND", "CAPTURED"): None,
    ("REFUND", "PARTIALLY_REFUNDED"): None,
}


class Model:
    def __init__(self):
        self.p = {}  # id -> [state, amount, captured, refunded]

    def apply(self, pid, kind, amount):
        p = self.p.get(pid)
        if p is None:
            if kind == "CREATE":
                self.p[pid] = ["CREATED", amount, 0, 0]
                return "OK"
            return "UNKNOWN_PAYMENT"
        if (kind, p[0]) not in TABLE:
            return "INVALID_TRANSITION"
        if kind == "CAPTURE":
            if amount > p[1]:
                return "AMOUNT_EXCEEDED"
            p[2] = amount
        if kind == "REFUND":
            if p[3] + amount > p[2]:
                return "AMOUNT_EXCEEDED"
            p[3] += amount
            p[0] = "REFUNDED" if p[3] == p[2] else "PARTIALLY_REFUNDED"
        else:
            p[0] = TABLE[(kind, p[0])]
        return "OK"


def solve(events):
    m = Model()
    out = [m.apply(*e) for e in events]
    out += [f"{pid} {p[0]} {p[3]}" for pid, p in sorted(m.p.items())]
    return out


def ev(pid, kind, amount=0):
    return (pid, kind, amount if kind in WITH_AMOUNT else 0)


def path_to(pid, state, amount=1000, captured=600, refunded=200):
    """Events that bring a new payment into `state`."""
    e = [ev(pid, "CREATE", amount)]
    if state == "CREATED":
        return e
    if state in ("PENDING", "FAILED"):
        e.append(ev(pid, "SUBMIT"))
        if state == "FAILED":
            e.append(ev(pid, "FAIL"))
        return e
    e.append(ev(pid, "AUTHORIZE"))
    if state == "AUTHORIZED":
        return e
    if state == "VOIDED":
        return e + [ev(pid, "VOID")]
    e.append(ev(pid, "CAPTURE", captured))
    if state == "PARTIALLY_REFUNDED":
        e.append(ev(pid, "REFUND", refunded))
    if state == "REFUNDED":
        e.append(ev(pid, "REFUND", captured))
    return e


STATES = ["CREATED", "PENDING", "AUTHORIZED", "CAPTURED", "PARTIALLY_REFUNDED", "REFUNDED", "VOIDED", "FAILED"]


def random_events(rng, n, ids, max_amount, p_noise=0.15, p_unknown=0.02):
    """A stream that mostly follows the lifecycle, with retries, stale and out-of-order events."""
    m = Model()
    out = []
    nxt = {
        "CREATED": ["SUBMIT", "AUTHORIZE", "AUTHORIZE", "FAIL"],
        "PENDING": ["AUTHORIZE", "AUTHORIZE", "AUTHORIZE", "FAIL"],
        "AUTHORIZED": ["CAPTURE", "CAPTURE", "CAPTURE", "VOID"],
        "CAPTURED": ["REFUND"],
        "PARTIALLY_REFUNDED": ["REFUND"],
    }
    for _ in range(n):
        if rng.random() < p_unknown:
            pid = rng.randrange(1, 10**9 + 1)
        else:
            pid = rng.choice(ids)
        p = m.p.get(pid)
        if p is None:
            kind = "CREATE" if rng.random() < 0.9 else rng.choice(KINDS)
        elif rng.random() < p_noise or p[0] not in nxt:
            kind = rng.choice(KINDS)
        else:
            kind = rng.choice(nxt[p[0]])
        amount = 0
        if kind == "CREATE":
            amount = rng.randrange(1, max_amount + 1)
        elif kind == "CAPTURE":
            base = p[1] if p else max_amount
            amount = rng.choice([base, base, rng.randrange(1, base + 1), base + 1])
        elif kind == "REFUND":
            if p and p[2] > 0:
                left = p[2] - p[3]
                amount = rng.choice([left, left + 1, max(1, left // 2), rng.randrange(1, p[2] + 1), 1])
                amount = max(1, amount)
            else:
                amount = rng.randrange(1, max_amount + 1)
        e = ev(pid, kind, amount)
        m.apply(*e)
        out.append(e)
    return out


def cases():
    # 01 sample: the happy path, a partial capture refunded in two steps, and a void.
    yield [
        ev(1, "CREATE", 5000), ev(1, "AUTHORIZE"), ev(1, "CAPTURE", 4000),
        ev(2, "CREATE", 1200), ev(1, "REFUND", 1500), ev(2, "SUBMIT"),
        ev(1, "REFUND", 2500), ev(2, "AUTHORIZE"), ev(2, "VOID"),
    ]
    # 02 sample: each kind of rejection.
    yield [
        ev(7, "CAPTURE", 100), ev(7, "CREATE", 900), ev(7, "CAPTURE", 900),
        ev(7, "AUTHORIZE"), ev(7, "CAPTURE", 901), ev(7, "CREATE", 900),
        ev(7, "CAPTURE", 900), ev(7, "VOID"), ev(3, "CREATE", 50), ev(3, "FAIL"), ev(3, "AUTHORIZE"),
    ]
    # 03 sample: refunds are cumulative.
    yield [
        ev(5, "CREATE", 10000), ev(5, "AUTHORIZE"), ev(5, "CAPTURE", 10000),
        ev(5, "REFUND", 6000), ev(5, "REFUND", 6000), ev(5, "REFUND", 4000), ev(5, "REFUND", 1),
    ]
    rng = random.Random(20240612)
    # 04 no events
    yield []
    # 05 one creation
    yield [ev(42, "CREATE", 1)]
    # 06 one event for a payment that does not exist
    yield [ev(1, "REFUND", 10)]
    # 07 every event against every state, each on a fresh payment
    evs = []
    pid = 100
    for s in STATES:
        for k in KINDS:
            pid += 1
            evs += path_to(pid, s)
            amt = {"CREATE": 1000, "CAPTURE": 700, "REFUND": 300}.get(k, 0)
            evs.append(ev(pid, k, amt))
    yield evs
    # 08 the pending path: duplicates and late callbacks
    yield [
        ev(1, "CREATE", 300), ev(1, "SUBMIT"), ev(1, "SUBMIT"), ev(1, "AUTHORIZE"), ev(1, "AUTHORIZE"),
        ev(1, "FAIL"), ev(2, "CREATE", 300), ev(2, "SUBMIT"), ev(2, "FAIL"), ev(2, "AUTHORIZE"),
        ev(2, "SUBMIT"), ev(2, "FAIL"), ev(3, "CREATE", 300), ev(3, "FAIL"), ev(3, "VOID"),
        ev(4, "CREATE", 300), ev(4, "AUTHORIZE"), ev(4, "VOID"), ev(4, "CAPTURE", 300), ev(4, "VOID"),
    ]
    # 09 amounts far beyond 2^31: refunds sum exactly to a captured 10^15
    big = 10**15
    yield [
        ev(1, "CREATE", big), ev(1, "AUTHORIZE"), ev(1, "CAPTURE", big + 1), ev(1, "CAPTURE", big),
        ev(1, "REFUND", 4 * 10**14), ev(1, "REFUND", 4 * 10**14), ev(1, "REFUND", 2 * 10**14 + 1),
        ev(1, "REFUND", 2 * 10**14), ev(1, "REFUND", 1),
        ev(2, "CREATE", 3_000_000_000), ev(2, "AUTHORIZE"), ev(2, "CAPTURE", 3_000_000_000),
        ev(2, "REFUND", 2_147_483_648), ev(2, "REFUND", 852_516_353), ev(2, "REFUND", 852_516_352),
    ]
    # 10 ids up to 10^9 in scrambled order: the summary is in numeric order
    ids = [9, 10, 100, 1, 10**9, 99, 999_999_999, 2, 11]
    evs = []
    for i in ids:
        evs += path_to(i, rng.choice(STATES), amount=rng.randrange(1, 10**6), captured=1, refunded=1)
    yield evs
    # 11 boundaries: capture of exactly the amount, one refund of exactly the capture
    yield [
        ev(1, "CREATE", 777), ev(1, "AUTHORIZE"), ev(1, "CAPTURE", 778), ev(1, "CAPTURE", 777),
        ev(1, "CAPTURE", 777), ev(1, "REFUND", 778), ev(1, "REFUND", 777), ev(1, "REFUND", 1),
        ev(2, "CREATE", 1), ev(2, "AUTHORIZE"), ev(2, "CAPTURE", 1), ev(2, "REFUND", 1),
        ev(3, "CREATE", 1000), ev(3, "AUTHORIZE"), ev(3, "CAPTURE", 1), ev(3, "REFUND", 2),
    ]
    # 12 partial capture: refunds are limited by what was captured, not by what was authorized
    evs = []
    for i in range(1, 51):
        amount = rng.randrange(1000, 100000)
        cap = rng.randrange(1, amount)
        evs += [ev(i, "CREATE", amount), ev(i, "AUTHORIZE"), ev(i, "CAPTURE", cap)]
        evs += [ev(i, "REFUND", cap // 2 + 1), ev(i, "REFUND", amount - cap // 2 - 1), ev(i, "REFUND", cap - cap // 2 - 1)]
    yield evs
    # 13–17 random medium streams
    yield random_events(rng, 300, list(range(1, 21)), 1000)
    yield random_events(rng, 2000, list(range(1, 201)), 10**6, p_noise=0.3)
    yield random_events(rng, 2000, list(range(1, 11)), 50)
    yield random_events(rng, 3000, [rng.randrange(1, 10**9) for _ in range(500)], 10**15)
    yield random_events(rng, 3000, list(range(1, 31)), 10**4, p_noise=0.05, p_unknown=0.1)
    # 18 large: one payment refunded cent by cent (replaying its history each time is quadratic)
    n = 30_000
    refunds = [rng.choice([1, 1, 1, 2]) for _ in range(n)]
    evs = [ev(1, "CREATE", 10**12), ev(1, "AUTHORIZE"), ev(1, "CAPTURE", sum(refunds))]
    evs += [ev(1, "REFUND", a) for a in refunds]  # the last one completes the refund
    yield evs + [ev(1, "REFUND", 1)]
    # 19 large: a busy stream over a few thousand payments
    yield random_events(rng, 15_000, list(range(1, 2501)), 10**5)
    # 20 large: many payments with scattered ids, few events each
    yield random_events(rng, 10_000, [rng.randrange(1, 10**9) for _ in range(4000)], 10**4, p_noise=0.1)
    # 21 a few payments with long refund streams, interleaved
    evs = []
    for i in range(1, 6):
        evs += [ev(i, "CREATE", 5000), ev(i, "AUTHORIZE"), ev(i, "CAPTURE", 4000 + i)]
    for _ in range(5000):
        evs.append(ev(rng.randrange(1, 7), "REFUND", rng.randrange(1, 4)))
    yield evs


def main():
    out = os.path.join(HERE, "tests")
    os.makedirs(out, exist_ok=True)
    for i, evs in enumerate(cases(), 1):
        with open(os.path.join(out, f"{i:02}.in"), "w") as f:
            f.write(f"{len(evs)}\n")
            f.write("".join(f"{p} {k} {a}\n" for p, k, a in evs))
        with open(os.path.join(out, f"{i:02}.out"), "w") as f:
            f.write("".join(line + "\n" for line in solve(evs)))


if __name__ == "__main__":
    main()
