-- Spaced review (FSRS). One row per card a learner has met: its memory state (NULL before its
-- first scheduled review), when it is due, and counts. Recomputable from `review_log`.
CREATE TABLE review_cards (
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('question', 'problem')),
    card_id     TEXT NOT NULL,
    stability   REAL,
    difficulty  REAL,
    due         INTEGER NOT NULL,
    last_review INTEGER,
    reps        INTEGER NOT NULL DEFAULT 0,
    lapses      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, kind, card_id)
);
CREATE INDEX review_cards_due ON review_cards(user_id, due);

-- Every review, append-only: the rating, when, and what the scheduler made of it.
CREATE TABLE review_log (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('question', 'problem')),
    card_id       TEXT NOT NULL,
    rating        TEXT NOT NULL CHECK (rating IN ('again', 'hard', 'good', 'easy')),
    reviewed_at   INTEGER NOT NULL,
    interval_days INTEGER,
    stability     REAL,
    difficulty    REAL
);
CREATE INDEX review_log_card ON review_log(user_id, kind, card_id, reviewed_at);

-- Ratings given before the scheduler existed: in the log, and their cards due at once (FSRS
-- starts afresh at their first scheduled review).
INSERT INTO review_log (user_id, kind, card_id, rating, reviewed_at)
    SELECT user_id, 'question', question_id, rating, rated_at FROM ratings ORDER BY id;
INSERT INTO review_cards (user_id, kind, card_id, due, last_review, reps)
    SELECT user_id, 'question', question_id, MAX(rated_at), MAX(rated_at), COUNT(*) FROM ratings
    GROUP BY user_id, question_id;
