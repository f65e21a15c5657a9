//! Slows down password guessing: after a few failures for the same username or client address,
//! further attempts are refused for a time that doubles with every failure.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

const FREE_FAILURES: u32 = 5;
const BASE_LOCKOUT: Duration = Duration::from_secs(2);
const MAX_LOCKOUT: Duration = Duration::from_secs(15 * 60);
/// Failures older than this are forgotten.
const MEMORY: Duration = Duration::from_secs(60 * 60);
/// Bound on tracked keys, so a flood of random usernames cannot exhaust memory.
const MAX_KEYS: usize = 100_000;

#[derive(Default)]
pub struct Throttle {
    entries: Mutex<HashMap<String, Entry>>,
}

#[derive(Clone, Copy)]
struct Entry {
    failures: u32,
    last: Instant,
}

impl Entry {
    fn locked_until(&self) -> Option<Instant> {
        if self.failures < FREE_FAILURES {
            return None;
        }
        let doublings = (self.failures - FREE_FAILURES).min(16);
        let lockout = (BASE_LOCKOUT * 2u32.pow(doublings)).min(MAX_LOCKOUT);
        Some(self.last + lockout)
    }
}

impl Throttle {
    /// `Err(seconds)` if any of `keys` is locked out at `now`.
    pub fn check(&self, keys: &[String], now: Instant) -> Result<(), u64> {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        let mut wait = Duration::ZERO;
        for key in keys {
            if let Some(until) = entries.get(key).and_then(Entry::locked_until) {
                wait = wait.max(until.saturating_duration_since(now));
            }
        }
        if wait.is_zero() { Ok(()) } else { Err(wait.as_secs().max(1)) }
    }

    pub fn fail(&self, keys: &[String], now: Instant) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if entries.len() >= MAX_KEYS {
            entries.retain(|_, e| now.saturating_duration_since(e.last) < MEMORY);
        }
        for key in keys {
            let e = entries.entry(key.clone()).or_insert(Entry { failures: 0, last: now });
            if now.saturating_duration_since(e.last) >= MEMORY {
                e.failures = 0;
            }
            e.failures += 1;
            e.last = now;
        }
    }

    pub fn succeed(&self, keys: &[String]) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        for key in keys {
            entries.remove(key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_out_after_free_failures_and_doubles() {
        let t = Throttle::default();
        let keys = vec!["user:ada".to_string()];
        let start = Instant::now();
        for _ in 0..FREE_FAILURES - 1 {
            t.fail(&keys, start);
            assert!(t.check(&keys, start).is_ok());
        }
        t.fail(&keys, start);
        assert_eq!(t.check(&keys, start), Err(2));
        assert!(t.check(&keys, start + Duration::from_secs(3)).is_ok());
        t.fail(&keys, start);
        assert_eq!(t.check(&keys, start), Err(4));
    }

    #[test]
    fn success_clears_and_other_keys_are_independent() {
        let t = Throttle::default();
        let ada = vec!["user:ada".to_string()];
        let now = Instant::now();
        for _ in 0..10 {
            t.fail(&ada, now);
        }
        assert!(t.check(&["user:bob".to_string()], now).is_ok());
        assert!(t.check(&ada, now).is_err());
        t.succeed(&ada);
        assert!(t.check(&ada, now).is_ok());
    }

    #[test]
    fn lockout_is_capped() {
        let t = Throttle::default();
        let k = vec!["ip:1".to_string()];
        let now = Instant::now();
        for _ in 0..100 {
            t.fail(&k, now);
        }
        assert_eq!(t.check(&k, now), Err(MAX_LOCKOUT.as_secs()));
    }
}
