#!/usr/bin/env python3
"""Writes tests/NN.in and tests/NN.out for `transactional-outbox`, deterministically (fixed seeds).

Run from anywhere: python3 content/problems/transactional-outbox/gen.py
"""
import heapq
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))


def solve(ops):
    """Ids come from one sequence at INSERT; a poll takes the smallest committed unsent ids."""
    next_id = 1
    pending = {}  # open transaction -> [(id, amount)]
    amount = {}
    ready = []  # heap of committed, unsent ids
    seen = set()
    out = []
    published = applied = balance = 0
    for op in ops:
        kind = op[0]
        if kind == "BEGIN":
            pending[op[1]] = []
        elif kind == "INSERT":
            pending[op[1]].append(next_id)
            amount[next_id] = op[2]
            next_id += 1
        elif kind == "COMMIT":
            for i in pending.pop(op[1]):
                heapq.heappush(ready, i)
        elif kind == "ROLLBACK":
            pending.pop(op[1])
        else:  # POLL b or CRASH b
            batch = [heapq.heappop(ready) for _ in range(min(op[1], len(ready)))]
            words = []
            for i in batch:
                published += 1
                if i in seen:
                    words.append(f"{i}*")
                else:
                    seen.add(i)
                    applied += 1
                    balance += amount[i]
                    words.append(str(i))
            if kind == "CRASH":  # published, but never marked sent
                for i in batch:
                    heapq.heappush(ready, i)
            out.append(" ".join(words) if words else "-")
    out.append(f"published {published} applied {applied} balance {balance}")
    return out


def random_log(rng, n, max_rows=3, p_rollback=0.15, p_poll=0.3, p_crash=0.1, max_batch=4,
               max_amount=1000, open_width=4, stuck=0):
    """n operations: interleaved transactions (up to open_width open at once), polls, crashes.
    `stuck` transactions begin first, insert a row and never end (a long-running transaction
    holding the smallest ids)."""
    ops, live, tx = [], [], 0
    for _ in range(stuck):
        tx += 1
        ops += [("BEGIN", tx), ("INSERT", tx, rng.randint(-max_amount, max_amount))]
    while len(ops) < n:
        r = rng.random()
        if r < p_poll:
            ops.append(("CRASH" if rng.random() < p_crash else "POLL", rng.randint(1, max_batch)))
        elif live and (len(live) >= open_width or r < p_poll + 0.35):
            t, rows = live[rng.randrange(len(live))]
            if rows < max_rows and rng.random() < 0.6:
                ops.append(("INSERT", t, rng.randint(-max_amount, max_amount)))
                live = [(a, b + 1 if a == t else b) for a, b in live]
            else:
                ops.append(("ROLLBACK" if rng.random() < p_rollback else "COMMIT", t))
                live = [(a, b) for a, b in live if a != t]
        else:
            tx += rng.randint(1, 3)
            ops.append(("BEGIN", tx))
            live.append((tx, 0))
    return ops


def cases():
    # 01 sample: a later-committed transaction holds the smaller id; the relay must not skip it.
    yield [("BEGIN", 1), ("INSERT", 1, 500), ("BEGIN", 2), ("INSERT", 2, 250), ("COMMIT", 2),
           ("POLL", 10), ("COMMIT", 1), ("POLL", 10), ("POLL", 10)]
    # 02 sample: a crash after publishing re-publishes; the consumer skips the duplicates.
    yield [("BEGIN", 7), ("INSERT", 7, 100), ("INSERT", 7, -30), ("INSERT", 7, 45),
           ("COMMIT", 7), ("CRASH", 2), ("POLL", 2), ("POLL", 2)]
    # 03 sample: rolled back and uncommitted rows are never published; ids are not reused.
    yield [("BEGIN", 1), ("INSERT", 1, 10), ("BEGIN", 2), ("INSERT", 2, 20), ("ROLLBACK", 1),
           ("BEGIN", 3), ("INSERT", 3, 30), ("COMMIT", 3), ("POLL", 5), ("BEGIN", 4),
           ("INSERT", 4, 40), ("COMMIT", 4), ("CRASH", 1), ("POLL", 1), ("POLL", 1)]
    rng = random.Random(20251204)
    yield []  # nothing at all
    yield [("POLL", 3), ("CRASH", 1)]  # polls of an empty outbox
    yield [("BEGIN", 5), ("COMMIT", 5), ("POLL", 1)]  # an empty transaction
    yield [("BEGIN", 1), ("INSERT", 1, 9), ("POLL", 1), ("CRASH", 1)]  # never committed
    # Crash, crash, crash: the same row again and again, applied once.
    yield [("BEGIN", 3), ("INSERT", 3, 77), ("COMMIT", 3)] + [("CRASH", 1)] * 5 + [("POLL", 1)] * 2
    # The smaller id commits after several larger ones were applied (a high-water mark skips it).
    yield [("BEGIN", 1), ("INSERT", 1, 1), ("INSERT", 1, 2), ("BEGIN", 2), ("INSERT", 2, 3),
           ("COMMIT", 2), ("BEGIN", 3), ("INSERT", 3, 4), ("COMMIT", 3), ("POLL", 1),
           ("POLL", 1), ("CRASH", 3), ("COMMIT", 1), ("CRASH", 1), ("POLL", 4), ("POLL", 4)]
    # Amounts at the bounds: the balance needs 64 bits.
    big = []
    for t in range(1, 2001):
        big += [("BEGIN", t), ("INSERT", t, 10**9), ("COMMIT", t)]
    yield big + [("POLL", 100000), ("CRASH", 100000), ("POLL", 1)]
    # Small random logs.
    yield random_log(rng, 40, max_batch=3)
    yield random_log(rng, 120, p_crash=0.4)
    yield random_log(rng, 300, max_rows=5, p_rollback=0.4, open_width=8)
    yield random_log(rng, 600, p_poll=0.15, max_batch=20)
    yield random_log(rng, 2000, p_crash=0.25, max_batch=6, open_width=12)
    yield random_log(rng, 3000, max_rows=1, p_poll=0.5, max_batch=2, stuck=2)
    yield random_log(rng, 4000, max_rows=8, p_crash=0.05, max_batch=50, open_width=30,
                     max_amount=10**9)
    # Large: 30 000 operations; two stuck transactions keep the smallest ids unsent, so a relay
    # that scans the outbox from the start on every poll is quadratic.
    yield random_log(rng, 30_000, max_rows=3, p_poll=0.45, p_crash=0.08, max_batch=2,
                     open_width=6, stuck=2)
    yield random_log(rng, 30_000, max_rows=4, p_poll=0.4, p_crash=0.15, max_batch=3,
                     open_width=20, stuck=1)
    # Large: many interleaved transactions, bigger batches.
    yield random_log(rng, 20_000, max_rows=6, p_poll=0.3, p_crash=0.1, max_batch=8,
                     open_width=60, stuck=3)


def main():
    out = os.path.join(HERE, "tests")
    os.makedirs(out, exist_ok=True)
    for i, ops in enumerate(cases(), 1):
        with open(os.path.join(out, f"{i:02}.in"), "w") as f:
            f.write(f"{len(ops)}\n")
            f.write("".join(" ".join(map(str, op)) + "\n" for op in ops))
        with open(os.path.join(out, f"{i:02}.out"), "w") as f:
            f.write("".join(line + "\n" for line in solve(ops)))


if __name__ == "__main__":
    main()
