-- Failed log-ins, kept for the throttle across restarts and web processes (see SQLite's 0012).
CREATE TABLE login_failures (
    throttle_key    TEXT PRIMARY KEY,
    failures        BIGINT NOT NULL,
    last_failure_at BIGINT NOT NULL
);
CREATE INDEX login_failures_last ON login_failures(last_failure_at);
