-- Guest progress offered for merging into the account its owner logged in to (see SQLite's 0011).
CREATE TABLE pending_merges (
    account_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    guest_id   BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    offered_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, guest_id)
);
CREATE INDEX pending_merges_guest ON pending_merges(guest_id);
