-- Accounts, sessions and learning progress. Times are Unix seconds (UTC).
-- Content ids (lesson_id, question_id) are the ids in content/ front matter, never file paths.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    -- NULL while the account is a guest; set when the guest claims it.
    username      TEXT UNIQUE COLLATE NOCASE,
    password_hash TEXT,
    created_at    INTEGER NOT NULL,
    last_lesson_id TEXT,
    last_lesson_at INTEGER,
    CHECK ((username IS NULL) = (password_hash IS NULL))
);

CREATE TABLE sessions (
    -- SHA-256 of the cookie's token: a stolen database does not yield live cookies.
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE lesson_progress (
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    lesson_id  TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    done_at    INTEGER,
    PRIMARY KEY (user_id, lesson_id)
);

-- The latest answer text per question.
CREATE TABLE answers (
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    answer      TEXT NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (user_id, question_id)
);

-- Every rating ever given, append-only: spaced review is computed from this log.
CREATE TABLE ratings (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    rating      TEXT NOT NULL CHECK (rating IN ('again', 'hard', 'good', 'easy')),
    rated_at    INTEGER NOT NULL
);
CREATE INDEX ratings_user_question ON ratings(user_id, question_id, rated_at);
CREATE INDEX ratings_user_time ON ratings(user_id, rated_at);
