-- A learner's own Markdown note per lesson or problem (rendered like lessons, raw HTML off).
CREATE TABLE notes (
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('lesson', 'problem')),
    target_id  TEXT NOT NULL,
    body       TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, kind, target_id)
);

-- Bookmarks on lessons, questions and problems.
CREATE TABLE bookmarks (
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('lesson', 'question', 'problem')),
    target_id  TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, kind, target_id)
);
