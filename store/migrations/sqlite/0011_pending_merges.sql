-- A guest who logged in to an existing account is offered to merge the guest's progress into
-- it; the offer waits here until they merge or discard (the guest account stays until then).
CREATE TABLE pending_merges (
    account_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    guest_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    offered_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, guest_id)
);
CREATE INDEX pending_merges_guest ON pending_merges(guest_id);
