//! Failed log-ins per throttle key, in the database so that a restart forgets nothing and every
//! web process sees the same counts. The keys and what they mean (account and address, address,
//! account) are the app's policy; this only counts, forgets and cleans up.
//!
//! Times are passed in rather than read here, so tests can step through a lockout without
//! waiting for it.

use crate::{Result, Store};

/// The failures recorded under one key since it was last forgotten.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoginFailures {
    pub failures: u32,
    /// Unix seconds of the latest failure.
    pub last_failure_at: i64,
}

impl Store {
    /// The failures under each of `keys`, in order; `None` where there are none, or where the
    /// latest is older than `forget_before` (such a row is as good as gone).
    pub async fn login_failures(&self, keys: &[&str], forget_before: i64) -> Result<Vec<Option<LoginFailures>>> {
        let mut found = Vec::with_capacity(keys.len());
        for key in keys {
            let row: Option<(i64, i64)> = sqlx::query_as(
                "SELECT failures, last_failure_at FROM login_failures
                 WHERE throttle_key = $1 AND last_failure_at >= $2",
            )
            .bind(*key)
            .bind(forget_before)
            .fetch_optional(&self.pool)
            .await?;
            found.push(row.map(|(failures, last_failure_at)| LoginFailures {
                failures: u32::try_from(failures).unwrap_or(u32::MAX),
                last_failure_at,
            }));
        }
        Ok(found)
    }

    /// Counts one more failure at `now` under each of `keys`. A key whose latest failure is older
    /// than `forget_before` starts again from one. Rows past `forget_before` are deleted on the
    /// way, so the table holds only what the throttle still remembers however many names are
    /// tried.
    pub async fn record_login_failure(&self, keys: &[&str], now: i64, forget_before: i64) -> Result<()> {
        let _turn = self.write_turn().await?;
        let mut tx = self.pool.begin().await?;
        for key in keys {
            sqlx::query(
                "INSERT INTO login_failures (throttle_key, failures, last_failure_at) VALUES ($1, 1, $2)
                 ON CONFLICT (throttle_key) DO UPDATE SET
                     failures = CASE WHEN login_failures.last_failure_at < $3 THEN 1
                                     ELSE login_failures.failures + 1 END,
                     last_failure_at = excluded.last_failure_at",
            )
            .bind(*key)
            .bind(now)
            .bind(forget_before)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query("DELETE FROM login_failures WHERE last_failure_at < $1")
            .bind(forget_before)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Forgets the failures under `key` (after a successful log-in).
    pub async fn clear_login_failures(&self, key: &str) -> Result<()> {
        let _turn = self.write_turn().await?;
        sqlx::query("DELETE FROM login_failures WHERE throttle_key = $1").bind(key).execute(&self.pool).await?;
        Ok(())
    }

    /// Deletes every row whose latest failure is older than `forget_before`; returns how many.
    pub async fn purge_login_failures(&self, forget_before: i64) -> Result<u64> {
        let _turn = self.write_turn().await?;
        let r = sqlx::query("DELETE FROM login_failures WHERE last_failure_at < $1")
            .bind(forget_before)
            .execute(&self.pool)
            .await?;
        Ok(r.rows_affected())
    }
}
