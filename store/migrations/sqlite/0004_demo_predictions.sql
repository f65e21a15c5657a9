-- A learner's prediction before running a demo, and how the run came out. Kept per run so the
-- dashboard can count them and a learner can see how their intuition improves.
CREATE TABLE demo_predictions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    demo_id     TEXT NOT NULL,
    -- The run's parameters as `name=value&…`, so a prediction can be read in its context.
    params      TEXT NOT NULL,
    prediction  TEXT NOT NULL,
    -- The demo's result, as JSON (a number or one of the demo's choices).
    outcome     TEXT NOT NULL,
    correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
    created_at  INTEGER NOT NULL
);
CREATE INDEX demo_predictions_user ON demo_predictions(user_id, created_at);
