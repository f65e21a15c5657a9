//! Slows down password guessing without handing anyone a way to lock a learner out.
//!
//! Failures are counted in the database (so a restart or a second web process changes nothing)
//! under three keys, each with its own rule; a lockout doubles with every failure past the free
//! ones, up to a cap:
//!
//! - **this account from this address** (`pair:`): 5 free failures, up to 15 minutes. This is the
//!   lock a guesser meets, and it only ever locks the guesser's own address out.
//! - **this address, any account** (`ip:`): 20 free failures, up to 15 minutes; stops one address
//!   from spraying a common password over many usernames.
//! - **this account, any address** (`user:`): 100 free failures, up to 5 minutes; slows a guesser
//!   spread over many addresses. Following OWASP's advice that an account-wide lock must not
//!   become a denial of service, it applies only to addresses that have failed for this account
//!   themselves: the learner, at an address with no failures of its own, still gets in with the
//!   right password while someone elsewhere hammers their account, and each attacking address
//!   gets one guess before it is held back.
//!
//! A successful log-in forgets its `pair:` failures only; the address and account counts fade
//! after an hour without failures, and their rows are deleted then.

use store::{LoginFailures, Store};

use super::state::internal;
use crate::api::ApiError;

/// The lockout after the first failure past the free ones; each further failure doubles it.
const BASE_LOCKOUT_SECS: i64 = 2;
/// Failures older than this are forgotten (and their rows deleted).
const MEMORY_SECS: i64 = 60 * 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Rule {
    free_failures: u32,
    max_lockout_secs: i64,
}

const PAIR: Rule = Rule { free_failures: 5, max_lockout_secs: 15 * 60 };
const ADDRESS: Rule = Rule { free_failures: 20, max_lockout_secs: 15 * 60 };
const ACCOUNT: Rule = Rule { free_failures: 100, max_lockout_secs: 5 * 60 };

impl Rule {
    /// Seconds still to wait at `now` after `seen`, or 0.
    fn wait(self, seen: Option<LoginFailures>, now: i64) -> i64 {
        let Some(seen) = seen.filter(|s| s.failures >= self.free_failures) else { return 0 };
        let doublings = (seen.failures - self.free_failures).min(20);
        let lockout = (BASE_LOCKOUT_SECS << doublings).min(self.max_lockout_secs);
        (seen.last_failure_at + lockout - now).max(0)
    }
}

/// One log-in attempt: who for, and from where.
pub struct LoginAttempt {
    pair: String,
    /// Absent when the server does not know the client's address.
    address: Option<String>,
    account: String,
}

impl LoginAttempt {
    /// `name` as normalised for lookup (trimmed, lower case); `ip` as the server saw it.
    pub fn new(name: &str, ip: Option<&str>) -> Self {
        // The address comes first: it never holds `|`, so no name can forge another pair's key.
        let pair = format!("pair:{}|{name}", ip.unwrap_or("-"));
        Self { pair, address: ip.map(|ip| format!("ip:{ip}")), account: format!("user:{name}") }
    }

    fn keys(&self) -> Vec<&str> {
        let mut keys = vec![self.pair.as_str(), self.account.as_str()];
        keys.extend(self.address.as_deref());
        keys
    }

    /// `Err(Throttled(seconds))` while this attempt has to wait.
    pub async fn check(&self, store: &Store) -> Result<(), ApiError> {
        let now = store::now();
        let seen =
            store.login_failures(&self.keys(), now - MEMORY_SECS).await.map_err(internal("reading login failures"))?;
        match wait_secs(seen[0], seen[1], seen.get(2).copied().flatten(), now) {
            0 => Ok(()),
            secs => Err(ApiError::Throttled(secs as u64)),
        }
    }

    pub async fn failed(&self, store: &Store) -> Result<(), ApiError> {
        let now = store::now();
        store
            .record_login_failure(&self.keys(), now, now - MEMORY_SECS)
            .await
            .map_err(internal("recording a login failure"))
    }

    pub async fn succeeded(&self, store: &Store) -> Result<(), ApiError> {
        store.clear_login_failures(&self.pair).await.map_err(internal("clearing login failures"))
    }
}

/// How long an attempt waits, given what is recorded under its keys.
fn wait_secs(
    pair: Option<LoginFailures>,
    account: Option<LoginFailures>,
    address: Option<LoginFailures>,
    now: i64,
) -> i64 {
    let own = PAIR.wait(pair, now).max(ADDRESS.wait(address, now));
    // The account-wide lock holds back only addresses that have failed for this account.
    let account_wide = if pair.is_some() { ACCOUNT.wait(account, now) } else { 0 };
    own.max(account_wide)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(failures: u32, at: i64) -> Option<LoginFailures> {
        Some(LoginFailures { failures, last_failure_at: at })
    }

    #[test]
    fn locks_out_after_the_free_failures_and_doubles() {
        assert_eq!(PAIR.wait(seen(4, 100), 100), 0);
        assert_eq!(PAIR.wait(seen(5, 100), 100), 2);
        assert_eq!(PAIR.wait(seen(6, 100), 100), 4);
        assert_eq!(PAIR.wait(seen(7, 100), 101), 7);
        assert_eq!(PAIR.wait(seen(5, 100), 103), 0, "the lockout runs out");
        assert_eq!(PAIR.wait(None, 100), 0);
    }

    #[test]
    fn lockouts_are_capped() {
        assert_eq!(PAIR.wait(seen(1000, 100), 100), 15 * 60);
        assert_eq!(ACCOUNT.wait(seen(u32::MAX, 100), 100), 5 * 60);
    }

    #[test]
    fn the_account_wide_lock_spares_addresses_without_failures_of_their_own() {
        let hammered = seen(500, 100);
        assert_eq!(wait_secs(None, hammered, None, 100), 0, "the learner's own address gets in");
        assert_eq!(wait_secs(seen(1, 100), hammered, None, 100), 5 * 60, "an address that failed waits");
    }

    #[test]
    fn one_address_spraying_names_is_held_back() {
        assert_eq!(wait_secs(None, None, seen(19, 100), 100), 0);
        assert_eq!(wait_secs(None, None, seen(20, 100), 100), 2);
    }

    #[test]
    fn no_name_can_forge_another_pair_key() {
        // The name `x|10.0.0.1` from 10.0.0.2 is not the name `x` from anywhere.
        let a = LoginAttempt::new("x|10.0.0.1", Some("10.0.0.2"));
        assert_eq!(a.pair, "pair:10.0.0.2|x|10.0.0.1");
        assert_ne!(a.pair, LoginAttempt::new("x", Some("10.0.0.1")).pair);
    }
}
