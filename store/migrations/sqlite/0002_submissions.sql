-- Submissions to the judge. The table is the queue: a row is inserted `queued`, a judge worker
-- claims it (`running`), and stores the result (`done`). A `running` row found at start-up was
-- interrupted by a crash or restart and is queued again, so nothing is lost.

CREATE TABLE submissions (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    problem_id   TEXT NOT NULL,
    language     TEXT NOT NULL CHECK (language IN ('rust', 'go')),
    source       TEXT NOT NULL,
    -- 1 for "Run" (sample tests only), 0 for "Submit" (every test).
    samples_only INTEGER NOT NULL CHECK (samples_only IN (0, 1)),
    status       TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done')),
    -- The judge's verdict code (AC, WA, TLE, MLE, OLE, RE, CE, IE) once done.
    verdict      TEXT,
    -- The full result as JSON (per-test verdicts, instructions, memory, sample I/O).
    result       TEXT,
    created_at   INTEGER NOT NULL,
    finished_at  INTEGER
);
CREATE INDEX submissions_queue ON submissions(status, id);
CREATE INDEX submissions_user_problem ON submissions(user_id, problem_id, id);
