-- The editor's text per learner, problem and language (see SQLite's 0005).
CREATE TABLE drafts (
    user_id     BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    problem_id  TEXT NOT NULL,
    language    TEXT NOT NULL CHECK (language IN ('rust', 'go')),
    source      TEXT NOT NULL,
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (user_id, problem_id, language)
);
