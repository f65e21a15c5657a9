//! Sessions this process looked up a moment ago, so a signed-in page view (served from the page
//! cache in microseconds) does not wait on a query for its cookie. The database stays the record:
//! an entry is trusted for `RECHECK_AFTER` at most, and a session that ends anywhere is forgotten
//! here at once (this process) or when its notification arrives (another process; see
//! `events.rs`), and every entry goes when notifications may have been missed.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use crate::users::{SessionUser, UserId};

/// The longest an entry is believed without asking the database again: the bound on how long a
/// session deleted by hand in the database (or one whose notification was lost) keeps working.
const RECHECK_AFTER: Duration = Duration::from_secs(5);
/// Bound on the sessions kept; past it the cache starts afresh (one query per session again).
const MAX_SESSIONS: usize = 50_000;

#[derive(Default)]
pub(crate) struct SessionCache {
    entries: Mutex<HashMap<String, Entry>>,
    /// Moves on at every forgetting, so a lookup that raced an ending session is not kept.
    forgotten: AtomicU64,
}

struct Entry {
    user: SessionUser,
    /// Unix seconds, as in the `sessions` row.
    expires_at: i64,
    looked_up: Instant,
}

/// Taken before a query, handed back with its answer (see `SessionCache::keep`).
#[derive(Clone, Copy)]
pub(crate) struct Ticket(u64);

impl SessionCache {
    /// The live session's user, if it was looked up a moment ago and has not expired since.
    pub(crate) fn get(&self, token_hash: &str, now: i64) -> Option<SessionUser> {
        let entries = self.lock();
        let entry = entries.get(token_hash)?;
        (entry.expires_at > now && entry.looked_up.elapsed() < RECHECK_AFTER).then(|| entry.user.clone())
    }

    pub(crate) fn ticket(&self) -> Ticket {
        Ticket(self.forgotten.load(Ordering::Acquire))
    }

    /// Keeps what the database said, unless something was forgotten since `ticket` was taken:
    /// then the answer may describe a session that has ended in the meantime.
    pub(crate) fn keep(&self, ticket: Ticket, token_hash: &str, user: SessionUser, expires_at: i64) {
        let mut entries = self.lock();
        if self.forgotten.load(Ordering::Acquire) != ticket.0 {
            return;
        }
        if entries.len() >= MAX_SESSIONS {
            entries.clear();
        }
        entries.insert(token_hash.to_owned(), Entry { user, expires_at, looked_up: Instant::now() });
    }

    pub(crate) fn forget_token(&self, token_hash: &str) {
        self.forget(|entries| {
            entries.remove(token_hash);
        });
    }

    /// Every session of `user`: they logged out elsewhere, or the account was deleted.
    pub(crate) fn forget_user(&self, user: UserId) {
        self.forget(|entries| entries.retain(|_, e| e.user.id != user));
    }

    pub(crate) fn forget_everyone(&self) {
        self.forget(HashMap::clear);
    }

    fn forget(&self, change: impl FnOnce(&mut HashMap<String, Entry>)) {
        let mut entries = self.lock();
        self.forgotten.fetch_add(1, Ordering::AcqRel);
        change(&mut entries);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Entry>> {
        self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(id: i64) -> SessionUser {
        SessionUser { id: UserId::from_raw(id), username: Some(format!("u{id}")) }
    }

    #[test]
    fn keeps_a_lookup_until_the_session_expires() {
        let cache = SessionCache::default();
        cache.keep(cache.ticket(), "a", user(1), 100);
        assert_eq!(cache.get("a", 99), Some(user(1)));
        assert_eq!(cache.get("a", 100), None, "expired at its expiry second");
        assert_eq!(cache.get("b", 0), None);
    }

    #[test]
    fn forgets_a_token_or_every_session_of_a_user() {
        let cache = SessionCache::default();
        for (token, id) in [("a", 1), ("b", 1), ("c", 2)] {
            cache.keep(cache.ticket(), token, user(id), 100);
        }
        cache.forget_token("c");
        assert_eq!(cache.get("c", 0), None);
        cache.forget_user(UserId::from_raw(1));
        assert_eq!((cache.get("a", 0), cache.get("b", 0)), (None, None));
    }

    #[test]
    fn a_lookup_that_raced_a_forgetting_is_not_kept() {
        let cache = SessionCache::default();
        let ticket = cache.ticket();
        // The session ends while its lookup is on its way back from the database.
        cache.forget_user(UserId::from_raw(1));
        cache.keep(ticket, "a", user(1), 100);
        assert_eq!(cache.get("a", 0), None);
        cache.keep(cache.ticket(), "a", user(1), 100);
        assert_eq!(cache.get("a", 0), Some(user(1)));
    }
}
