-- The editor's text per learner, problem and language, saved as they type, so an unfinished
-- solution follows them to another device. One row per (learner, problem, language).
CREATE TABLE drafts (
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    problem_id  TEXT NOT NULL,
    language    TEXT NOT NULL CHECK (language IN ('rust', 'go')),
    source      TEXT NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (user_id, problem_id, language)
);
