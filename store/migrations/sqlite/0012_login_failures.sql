-- Failed log-ins, so the throttle survives a restart and holds across web processes. One row per
-- key the app counts under (an account and address pair, an address, an account); a row whose
-- last failure is older than the throttle's memory counts as none and is deleted.
CREATE TABLE login_failures (
    throttle_key    TEXT PRIMARY KEY,
    failures        INTEGER NOT NULL,
    last_failure_at INTEGER NOT NULL
);
CREATE INDEX login_failures_last ON login_failures(last_failure_at);
