-- Cancelling, and runs on the learner's own input (see SQLite's 0006).
ALTER TABLE submissions ADD COLUMN cancel_requested INTEGER NOT NULL DEFAULT 0;
ALTER TABLE submissions ADD COLUMN custom_input TEXT;
