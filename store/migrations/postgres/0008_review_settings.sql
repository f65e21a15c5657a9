-- Desired retention and fitted FSRS weights (see SQLite's 0010).
ALTER TABLE users ADD COLUMN desired_retention DOUBLE PRECISION NOT NULL DEFAULT 0.9
    CHECK (desired_retention BETWEEN 0.7 AND 0.97);

CREATE TABLE review_parameters (
    user_id      BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    weights      TEXT NOT NULL,
    reviews_used INTEGER NOT NULL,
    fitted_at    BIGINT NOT NULL
);
