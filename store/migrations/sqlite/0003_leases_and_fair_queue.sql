-- Judge workers may run as separate processes, so a claim is a lease, not a promise: the worker
-- holds `lease_token` until `lease_expires_at` and renews it while judging. A submission whose
-- lease ran out (its worker died) is queued again; only the current holder may store a result.
ALTER TABLE submissions ADD COLUMN lease_token TEXT;
ALTER TABLE submissions ADD COLUMN lease_expires_at INTEGER;
-- Claims so far: a submission that keeps killing its workers is given up after a few.
ALTER TABLE submissions ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE submissions ADD COLUMN started_at INTEGER;
-- Whose turn it is: the queue serves fair keys round-robin (`user:<id>` for accounts,
-- `guest@<address>` for guest accounts, so a crowd of guests from one address is one learner).
ALTER TABLE submissions ADD COLUMN fair_key TEXT NOT NULL DEFAULT '';
UPDATE submissions SET fair_key = 'user:' || user_id;
CREATE INDEX submissions_fair ON submissions(status, fair_key, id);
CREATE INDEX submissions_lease ON submissions(status, lease_expires_at);
-- When each fair key was last served: the queue's tie-break.
CREATE INDEX submissions_served ON submissions(fair_key, started_at);
