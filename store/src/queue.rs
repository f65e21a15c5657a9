//! The judge's queue, as workers see it. A worker claims the next submission under a lease,
//! renews the lease while it judges, and stores the result only if it still holds the lease;
//! a submission whose lease ran out (its worker died or stalled) goes back to the queue, and
//! whoever claims it next judges it. So every submission gets exactly one stored result.
//!
//! Whose turn: the queue serves fair keys round-robin. Each waiting submission's turn is its
//! place among its fair key's pending (waiting or running) submissions; the lowest turn goes
//! first; among equal turns, the fair key served longest ago (or never) goes first, then the
//! oldest submission. So one learner's burst waits behind everyone else's next submission, even
//! right after one of the burst was judged.

use domain::{Language, SubmissionResult};
use rand::RngCore;

use crate::connect::Backend;
use crate::users::UserId;
use crate::{Result, Store, StoreError, now};

/// Proof of holding a claimed submission, until `expires_at` (Unix seconds) unless renewed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lease {
    pub token: String,
    pub expires_at: i64,
}

#[derive(Debug, Clone)]
pub struct ClaimedSubmission {
    pub id: i64,
    pub user: UserId,
    pub problem_id: String,
    pub language: Language,
    pub source: String,
    pub samples_only: bool,
    /// "Run with custom input": this input instead of the tests.
    pub custom_input: Option<String>,
    /// The learner cancelled it while an earlier claim was judging it (that worker died).
    pub cancel_requested: bool,
    /// Claims of this submission so far, this one included.
    pub attempts: i64,
    pub lease: Lease,
}

/// SQLite has one writer, so picking and updating in one statement is already atomic.
const CLAIM_SQLITE: &str = "UPDATE submissions
     SET status = 'running', lease_token = $1, lease_expires_at = $2, started_at = $3, attempts = attempts + 1
     WHERE status = 'queued' AND id = (
         SELECT id FROM (
             SELECT id, status, ROW_NUMBER() OVER (PARTITION BY fair_key ORDER BY id) AS turn,
                    (SELECT COALESCE(MAX(started_at), 0) FROM submissions served
                     WHERE served.fair_key = s.fair_key) AS last_served
             FROM submissions s WHERE status IN ('queued', 'running')
         ) AS pending
         WHERE status = 'queued' ORDER BY turn, last_served, id LIMIT 1)
     RETURNING id, user_id, problem_id, language, source, samples_only, attempts, custom_input, cancel_requested";

/// Postgres: workers in several processes claim at once; each locks the row it takes and skips
/// rows another has locked, so no two take the same and none waits for another.
const CLAIM_POSTGRES: &str = "WITH pending AS (
         SELECT id, status, ROW_NUMBER() OVER (PARTITION BY fair_key ORDER BY id) AS turn,
                (SELECT COALESCE(MAX(started_at), 0) FROM submissions served
                 WHERE served.fair_key = q.fair_key) AS last_served
         FROM submissions q WHERE status IN ('queued', 'running')
     ), next AS (
         SELECT s.id FROM submissions s JOIN pending p ON p.id = s.id
         WHERE s.status = 'queued' ORDER BY p.turn, p.last_served, s.id LIMIT 1
         FOR UPDATE OF s SKIP LOCKED
     )
     UPDATE submissions
     SET status = 'running', lease_token = $1, lease_expires_at = $2, started_at = $3, attempts = attempts + 1
     FROM next WHERE submissions.id = next.id
     RETURNING submissions.id, submissions.user_id, submissions.problem_id, submissions.language,
               submissions.source, submissions.samples_only, submissions.attempts, submissions.custom_input,
               submissions.cancel_requested";

type ClaimRow = (i64, i64, String, String, String, i64, i64, Option<String>, i64);

/// What renewing a lease found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Renewal {
    /// Still ours, for another lease period.
    Held,
    /// Still ours, but the learner cancelled it: stop and store the cancellation.
    CancelRequested,
    /// Expired and requeued or claimed by another worker: stop, store nothing.
    Lost,
}

fn new_lease_token() -> String {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

impl Store {
    /// Puts submissions whose lease has run out back in the queue; returns how many.
    pub async fn requeue_expired_leases(&self) -> Result<u64> {
        let _turn = self.write_turn().await?;
        let r = sqlx::query(
            "UPDATE submissions SET status = 'queued', lease_token = NULL, lease_expires_at = NULL
             WHERE status = 'running' AND (lease_expires_at IS NULL OR lease_expires_at < $1)",
        )
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected())
    }

    /// Takes the next submission whose turn it is, leased for `lease_secs`.
    pub async fn claim_next_submission(&self, lease_secs: i64) -> Result<Option<ClaimedSubmission>> {
        let _turn = self.write_turn().await?;
        let t = now();
        let token = new_lease_token();
        let claim = match self.backend {
            Backend::Sqlite => CLAIM_SQLITE,
            Backend::Postgres => CLAIM_POSTGRES,
        };
        let row: Option<ClaimRow> =
            sqlx::query_as(claim).bind(&token).bind(t + lease_secs).bind(t).fetch_optional(&self.pool).await?;
        let Some((id, user, problem_id, language, source, samples_only, attempts, custom_input, cancel_requested)) =
            row
        else {
            return Ok(None);
        };
        Ok(Some(ClaimedSubmission {
            id,
            user: UserId::from_raw(user),
            problem_id,
            language: language.parse().map_err(StoreError::corrupt)?,
            source,
            samples_only: samples_only != 0,
            custom_input,
            cancel_requested: cancel_requested != 0,
            attempts,
            lease: Lease { token, expires_at: t + lease_secs },
        }))
    }

    /// Extends a lease by `lease_secs` from now, and says whether the learner cancelled
    /// meanwhile (a worker also hears that at once from [`Store::subscribe_cancellations`]; this
    /// is the backstop for a missed notification).
    pub async fn renew_lease(&self, id: i64, lease: &Lease, lease_secs: i64) -> Result<Renewal> {
        let _turn = self.write_turn().await?;
        let cancel: Option<i64> = sqlx::query_scalar(
            "UPDATE submissions SET lease_expires_at = $1 WHERE id = $2 AND lease_token = $3 AND status = 'running'
             RETURNING cancel_requested",
        )
        .bind(now() + lease_secs)
        .bind(id)
        .bind(&lease.token)
        .fetch_optional(&self.pool)
        .await?;
        Ok(match cancel {
            None => Renewal::Lost,
            Some(0) => Renewal::Held,
            Some(_) => Renewal::CancelRequested,
        })
    }

    /// Stores the result if `lease` still holds. `false`: someone else owns the submission now
    /// and will store its result; this one is dropped.
    pub async fn finish_submission(&self, id: i64, lease: &Lease, result: &SubmissionResult) -> Result<bool> {
        let _turn = self.write_turn().await?;
        let json = serde_json::to_string(result).map_err(StoreError::corrupt)?;
        let r = sqlx::query(
            "UPDATE submissions SET status = 'done', verdict = $1, result = $2, finished_at = $3,
                 lease_token = NULL, lease_expires_at = NULL
             WHERE id = $4 AND lease_token = $5 AND status = 'running'",
        )
        .bind(result.verdict.as_str())
        .bind(json)
        .bind(now())
        .bind(id)
        .bind(&lease.token)
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected() == 1)
    }

    /// Gives a claimed submission back to the queue at once (a worker shutting down), instead of
    /// letting its lease run out.
    pub async fn release_submission(&self, id: i64, lease: &Lease) -> Result<bool> {
        let _turn = self.write_turn().await?;
        let r = sqlx::query(
            "UPDATE submissions SET status = 'queued', lease_token = NULL, lease_expires_at = NULL
             WHERE id = $1 AND lease_token = $2 AND status = 'running'",
        )
        .bind(id)
        .bind(&lease.token)
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected() == 1)
    }

    /// Submissions waiting for a worker.
    pub async fn queued_count(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM submissions WHERE status = 'queued'").fetch_one(&self.pool).await?)
    }
}
