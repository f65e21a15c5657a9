#!/usr/bin/env python3
"""Writes tests/NN.in and tests/NN.out for `idempotency-keys`, deterministically.

Run from anywhere: python3 content/problems/idempotency-keys/gen.py
The expected outputs come from the model below; both reference solutions must agree with it.
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
CURRENCIES = ["USD", "EUR", "INR", "GBP", "JPY"]


def solve(ttl, reqs):
    store = {}  # key -> (created, fingerprint, id)
    next_id = 0
    out = []
    for t, key, merchant, amount, currency in reqs:
        fp = (merchant, amount, currency)
        s = store.get(key)
        if s is not None and t < s[0] + ttl:
            out.append(f"REPLAY {s[2]}" if s[1] == fp else "CONFLICT")
        else:
            next_id += 1
            store[key] = (t, fp, next_id)
            out.append(f"CREATED {next_id}")
    return out


def b36(i):
    s = ""
    while True:
        s = ALNUM[i % 36] + s
        i //= 36
        if i == 0:
            return s


def rand_stream(rng, n, ttl, nkeys, step, nmerchants=3, namounts=3, p_retry=0.5, p_change=0.2, t0=0):
    """Requests over a pool of keys; a retry reuses a key's last body, sometimes changed."""
    t = t0
    last = {}
    reqs = []
    for _ in range(n):
        t += rng.randrange(step + 1)
        k = "k" + b36(rng.randrange(nkeys))
        if k in last and rng.random() < p_retry:
            m, a, c = last[k]
            if rng.random() < p_change:
                which = rng.randrange(3)
                if which == 0:
                    m = "m" + str(rng.randrange(nmerchants))
                elif which == 1:
                    a = rng.choice([a + 1, a - 1 if a > 1 else a + 2, 100 * rng.randrange(1, namounts + 1)])
                else:
                    c = rng.choice(CURRENCIES)
        else:
            m = "m" + str(rng.randrange(nmerchants))
            a = 100 * rng.randrange(1, namounts + 1)
            c = rng.choice(CURRENCIES[:3])
        last[k] = (m, a, c)
        reqs.append((t, k, m, a, c))
    return reqs


def cases():
    # 01 sample: create, retry (replay), a different body under the same key, another key.
    yield 60, [
        (0, "order-7", "m_42", 49900, "INR"),
        (5, "order-7", "m_42", 49900, "INR"),
        (9, "order-7", "m_42", 59900, "INR"),
        (12, "order-8", "m_42", 59900, "INR"),
        (30, "order-7", "m_42", 49900, "INR"),
    ]
    # 02 sample: the window is [created, created + ttl); replays do not extend it.
    yield 10, [
        (100, "a", "m1", 500, "USD"),
        (109, "a", "m1", 500, "USD"),
        (110, "a", "m1", 500, "USD"),
        (115, "a", "m1", 700, "USD"),
        (119, "a", "m1", 500, "USD"),
        (120, "a", "m1", 700, "USD"),
    ]
    # 03 sample: ties in time, the merchant is part of the fingerprint, keys are case-sensitive.
    yield 5, [
        (7, "k1", "shopA", 1000, "EUR"),
        (7, "k1", "shopB", 1000, "EUR"),
        (7, "K1", "shopB", 1000, "EUR"),
        (8, "k1", "shopA", 1000, "EUR"),
        (8, "K1", "shopB", 1000, "EUR"),
    ]
    rng = random.Random(20240611)
    # 04 nothing at all
    yield 1, []
    # 05 one request
    yield 1, [(0, "x", "m", 1, "USD")]
    # 06 one key retried forever inside a huge window
    yield 2_000_000_000, [(i * 1000, "same", "m9", 123456, "JPY") for i in range(1000)]
    # 07 one key, the body alternates: one creation, then replays and conflicts
    yield 10**9, [(i, "k", "m", 100 + (i % 2), "USD") for i in range(500)]
    # 08 ttl = 1: only same-second retries replay
    reqs = []
    for t in range(300):
        for _ in range(rng.randrange(1, 4)):
            reqs.append((t, "k" + str(rng.randrange(3)), "m", 100, "USD"))
    yield 1, reqs
    # 09 bodies that differ in exactly one field; amounts beyond 2^32 differing by one
    big = 10**15
    yield 1000, [
        (0, "p", "m1", big, "USD"),
        (1, "p", "m2", big, "USD"),
        (2, "p", "m1", big - 1, "USD"),
        (3, "p", "m1", big, "USX"),
        (4, "p", "m1", big, "USD"),
        (5, "q", "m1", 4294967296, "EUR"),
        (6, "q", "m1", 0 + 4294967296 + 1, "EUR"),
        (7, "q", "m1", 1, "EUR"),
        (8, "q", "m1", 4294967296, "EUR"),
    ]
    # 10 timestamps and ttl near 2·10^9: created + ttl does not fit in 32 bits
    T = 2_000_000_000
    yield T, [
        (T - 5, "w", "m", 10, "GBP"),
        (T, "w", "m", 10, "GBP"),
        (T + 1, "w", "m", 11, "GBP"),
        (2 * T - 6, "w", "m", 10, "GBP"),
        (2 * T - 5, "w", "m", 11, "GBP"),
        (2 * T - 5, "w", "m", 10, "GBP"),
    ]
    # 11 after expiry a different body is simply a new payment; the old body then conflicts
    yield 100, [
        (0, "r", "m", 100, "USD"),
        (50, "r", "m", 200, "USD"),
        (100, "r", "m", 200, "USD"),
        (150, "r", "m", 100, "USD"),
        (199, "r", "m", 200, "USD"),
        (200, "r", "m", 100, "USD"),
        (250, "r", "m", 100, "USD"),
    ]
    # 12 every retry lands exactly on created + ttl - 1 or created + ttl
    reqs = []
    t = 0
    for i in range(400):
        reqs.append((t, "b", "m", 100, "EUR"))
        t += 29 if i % 3 else 30
    yield 30, reqs
    # 13 long keys sharing a prefix, differing only at the end
    pre = "order-2024-06-11-merchant-000042-"
    keys = [pre + ALNUM[i] + ALNUM[j] for i in range(6) for j in range(6)]
    reqs = []
    t = 0
    for _ in range(1000):
        t += rng.randrange(3)
        k = rng.choice(keys)
        reqs.append((t, k, "m" + str(rng.randrange(2)), 100, "USD"))
    yield 40, reqs
    # 14 tiny random streams with many expiries
    yield 5, rand_stream(rng, 300, 5, nkeys=8, step=2)
    # 15–18 medium random streams, different densities
    yield 50, rand_stream(rng, 2000, 50, nkeys=100, step=3)
    yield 1000, rand_stream(rng, 2000, 1000, nkeys=40, step=5, p_change=0.5)
    yield 7, rand_stream(rng, 3000, 7, nkeys=300, step=1, p_retry=0.8, p_change=0.1)
    yield 10**9, rand_stream(rng, 3000, 10**9, nkeys=1000, step=10**5, nmerchants=2, namounts=2)
    # 19 large: every key distinct (a linear scan of the history is quadratic here)
    n = 18_000
    reqs = []
    t = 0
    for i in range(n):
        t += rng.randrange(2)
        reqs.append((t, "k" + b36(i), "m" + str(rng.randrange(10)), 100 * rng.randrange(1, 10), "USD"))
    yield 3600, reqs
    # 20 large: retries from a big pool of keys
    yield 600, rand_stream(rng, 12_000, 600, nkeys=5000, step=1, p_retry=0.6)
    # 21 many ties: a burst of retries at each second, window of 2 seconds
    reqs = []
    for t in range(0, 2000):
        for _ in range(2):
            reqs.append((t, "k" + str(rng.randrange(6)), "m", 100 * rng.randrange(1, 3), "USD"))
    yield 2, reqs


def main():
    out = os.path.join(HERE, "tests")
    os.makedirs(out, exist_ok=True)
    for i, (ttl, reqs) in enumerate(cases(), 1):
        with open(os.path.join(out, f"{i:02}.in"), "w") as f:
            f.write(f"{len(reqs)} {ttl}\n")
            f.write("".join(f"{t} {k} {m} {a} {c}\n" for t, k, m, a, c in reqs))
        with open(os.path.join(out, f"{i:02}.out"), "w") as f:
            f.write("".join(line + "\n" for line in solve(ttl, reqs)))


if __name__ == "__main__":
    main()
