-- Each learner's desired retention (0.70–0.97) and, once they have enough reviews, FSRS weights
-- fitted to their own review log (a JSON array of floats; recomputable from `review_log`).
ALTER TABLE users ADD COLUMN desired_retention REAL NOT NULL DEFAULT 0.9
    CHECK (desired_retention BETWEEN 0.7 AND 0.97);

CREATE TABLE review_parameters (
    user_id      INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    weights      TEXT NOT NULL,
    reviews_used INTEGER NOT NULL,
    fitted_at    INTEGER NOT NULL
);
