-- A learner may cancel a submission: a queued one is finished at once as `cancelled`; for a
-- running one `cancel_requested` tells its worker (which also hears it as a notification) to stop
-- and store the cancellation.
ALTER TABLE submissions ADD COLUMN cancel_requested INTEGER NOT NULL DEFAULT 0;
-- "Run with custom input": the learner's own input, run against their code and the reference.
-- NULL for runs of the problem's tests. Custom runs are scratch work: they never count towards
-- a problem's status and stay out of the submission history.
ALTER TABLE submissions ADD COLUMN custom_input TEXT;
