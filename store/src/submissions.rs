//! Submissions as the web side sees them: queue one (within the learner's limits), read them
//! (as `domain::SubmissionView`, the type the API returns).
//! The worker side (claim, lease, finish) is in `queue.rs`.

use std::collections::HashMap;

use domain::{Language, ProblemStatus, SubmissionResult, SubmissionView};

use crate::connect::Backend;
use crate::users::UserId;
use crate::{Result, Store, StoreError, now};

pub struct NewSubmission<'a> {
    pub user: UserId,
    pub problem_id: &'a str,
    pub language: Language,
    pub source: &'a str,
    /// "Run" (the sample tests) rather than "Submit" (every test).
    pub samples_only: bool,
    /// Whose turn in the queue this counts against (see migration 0003): `user:<id>` for an
    /// account, `guest@<address>` for a guest.
    pub fair_key: &'a str,
    /// "Run with custom input": run this input (and the reference on it) instead of the tests.
    pub custom_input: Option<&'a str>,
}

/// How many submissions may wait or run at once, and how many may be made per minute.
#[derive(Debug, Clone, Copy)]
pub struct PendingLimits {
    pub per_learner: i64,
    /// Per fair key: bounds a crowd of guest accounts from one address together.
    pub per_fair_key: i64,
    /// Submissions per fair key in any 60 seconds (fast compile errors never fill the
    /// pending cap, so without this a script could keep the compilers busy).
    pub per_minute: i64,
}

/// The window [`PendingLimits::per_minute`] counts over.
const RATE_WINDOW_SECS: i64 = 60;

#[derive(Debug, PartialEq, Eq)]
pub enum Enqueue {
    Queued(i64),
    /// The learner already has this many waiting or running.
    LearnerBusy {
        pending: i64,
    },
    /// Their fair key (their address, for guests) already has this many.
    FairKeyBusy {
        pending: i64,
    },
    /// Their fair key made `per_minute` submissions in the last minute; the oldest of them
    /// leaves the window in `retry_after` seconds.
    TooFast {
        retry_after: i64,
    },
}

/// What asking to cancel a submission did.
#[derive(Debug, PartialEq, Eq)]
pub enum Cancel {
    /// It was waiting: it is finished now, as cancelled.
    Cancelled,
    /// A worker is judging it and has been told to stop; it stores the cancellation.
    Stopping,
    /// The judge had already finished it.
    AlreadyDone,
    /// No such submission of this learner's.
    NotFound,
}

type Row = (i64, String, String, i64, String, Option<String>, i64);
const COLUMNS: &str = "id, problem_id, language, samples_only, status, result, created_at";

fn row((id, problem_id, language, samples_only, status, result, created_at): Row) -> Result<SubmissionView> {
    let result = result.and_then(|json| match serde_json::from_str::<SubmissionResult>(&json) {
        Ok(r) => Some(r),
        Err(e) => {
            // Shown as "no result" rather than making the learner's history unreadable.
            tracing::error!(id, error = %e, "stored submission result does not parse");
            None
        }
    });
    Ok(SubmissionView {
        id,
        problem_id,
        language: language.parse().map_err(StoreError::corrupt)?,
        samples_only: samples_only != 0,
        status: status.parse().map_err(StoreError::corrupt)?,
        result,
        created_at,
    })
}

impl Store {
    /// Queues a submission unless the learner (or their fair key) already has `limits` pending
    /// or made too many in the last minute. The checks and the insert are one statement (SQLite
    /// has one writer; Postgres serialises the fair key with an advisory lock), so simultaneous
    /// requests cannot overshoot.
    pub async fn enqueue_submission(&self, new: &NewSubmission<'_>, limits: PendingLimits) -> Result<Enqueue> {
        let _turn = self.write_turn().await?;
        let t = now();
        let mut tx = self.pool.begin().await?;
        if self.backend == Backend::Postgres {
            sqlx::query("SELECT pg_advisory_xact_lock(hashtext($1))").bind(new.fair_key).execute(&mut *tx).await?;
        }
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO submissions (user_id, problem_id, language, source, samples_only, created_at, fair_key,
                                      custom_input)
             SELECT $1, $2, $3, $4, $5, $6, $7, $10
             WHERE (SELECT COUNT(*) FROM submissions WHERE user_id = $1 AND status <> 'done') < $8
               AND (SELECT COUNT(*) FROM submissions WHERE fair_key = $7 AND status <> 'done') < $9
               AND (SELECT COUNT(*) FROM submissions WHERE fair_key = $7 AND created_at > $11) < $12
             RETURNING id",
        )
        .bind(new.user.get())
        .bind(new.problem_id)
        .bind(new.language.as_str())
        .bind(new.source)
        .bind(i64::from(new.samples_only))
        .bind(t)
        .bind(new.fair_key)
        .bind(limits.per_learner)
        .bind(limits.per_fair_key)
        .bind(new.custom_input)
        .bind(t - RATE_WINDOW_SECS)
        .bind(limits.per_minute)
        .fetch_optional(&mut *tx)
        .await?;
        let outcome = match id {
            Some(id) => Enqueue::Queued(id),
            None => {
                let (mine, key, recent, oldest): (i64, i64, i64, Option<i64>) = sqlx::query_as(
                    "SELECT (SELECT COUNT(*) FROM submissions WHERE user_id = $1 AND status <> 'done'),
                            (SELECT COUNT(*) FROM submissions WHERE fair_key = $2 AND status <> 'done'),
                            (SELECT COUNT(*) FROM submissions WHERE fair_key = $2 AND created_at > $3),
                            (SELECT MIN(created_at) FROM submissions WHERE fair_key = $2 AND created_at > $3)",
                )
                .bind(new.user.get())
                .bind(new.fair_key)
                .bind(t - RATE_WINDOW_SECS)
                .fetch_one(&mut *tx)
                .await?;
                if mine >= limits.per_learner {
                    Enqueue::LearnerBusy { pending: mine }
                } else if key >= limits.per_fair_key {
                    Enqueue::FairKeyBusy { pending: key }
                } else {
                    debug_assert!(recent >= limits.per_minute);
                    let retry_after = oldest.map_or(1, |o| (o + RATE_WINDOW_SECS + 1 - t).max(1));
                    Enqueue::TooFast { retry_after }
                }
            }
        };
        tx.commit().await?;
        Ok(outcome)
    }

    /// One of this learner's submissions (another learner's id reads as missing).
    pub async fn submission(&self, user: UserId, id: i64) -> Result<Option<SubmissionView>> {
        let sql = format!("SELECT {COLUMNS} FROM submissions WHERE id = $1 AND user_id = $2");
        let found: Option<Row> = sqlx::query_as(&sql).bind(id).bind(user.get()).fetch_optional(&self.pool).await?;
        found.map(row).transpose()
    }

    /// Whose submission this is: for the server's own bookkeeping (a verdict changes what that
    /// learner's pages show), never to answer a learner.
    pub async fn submission_owner(&self, id: i64) -> Result<Option<UserId>> {
        let owner: Option<(i64,)> =
            sqlx::query_as("SELECT user_id FROM submissions WHERE id = $1").bind(id).fetch_optional(&self.pool).await?;
        Ok(owner.map(|(user,)| UserId::from_raw(user)))
    }

    /// The code of one of this learner's submissions (`None` for another learner's id).
    pub async fn submission_source(&self, user: UserId, id: i64) -> Result<Option<(Language, String)>> {
        let found: Option<(String, String)> =
            sqlx::query_as("SELECT language, source FROM submissions WHERE id = $1 AND user_id = $2")
                .bind(id)
                .bind(user.get())
                .fetch_optional(&self.pool)
                .await?;
        found.map(|(lang, source)| Ok((lang.parse().map_err(StoreError::corrupt)?, source))).transpose()
    }

    /// This learner's latest runs of a problem's tests, newest first (custom-input runs are
    /// scratch work and stay out of it).
    pub async fn recent_submissions(&self, user: UserId, problem_id: &str, limit: i64) -> Result<Vec<SubmissionView>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM submissions WHERE user_id = $1 AND problem_id = $2 AND custom_input IS NULL
             ORDER BY id DESC LIMIT $3"
        );
        let rows: Vec<Row> =
            sqlx::query_as(&sql).bind(user.get()).bind(problem_id).bind(limit).fetch_all(&self.pool).await?;
        rows.into_iter().map(row).collect()
    }

    /// Where this learner stands with each problem they have submitted to: solved once a full
    /// submission (not just the samples) was accepted, attempted otherwise. Problems missing
    /// from the map are new to them.
    pub async fn problem_statuses(&self, user: UserId) -> Result<HashMap<String, ProblemStatus>> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT problem_id, SUM(CASE WHEN verdict = 'AC' AND samples_only = 0 THEN 1 ELSE 0 END) \
             FROM submissions WHERE user_id = $1 AND custom_input IS NULL \
             GROUP BY problem_id",
        )
        .bind(user.get())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, accepted)| (id, if accepted > 0 { ProblemStatus::Solved } else { ProblemStatus::Attempted }))
            .collect())
    }

    /// Cancels one of this learner's submissions: a waiting one is finished on the spot; a
    /// running one is flagged, and its worker told, so it stops and stores the cancellation.
    pub async fn cancel_submission(&self, user: UserId, id: i64) -> Result<Cancel> {
        let _turn = self.write_turn().await?;
        let cancelled = SubmissionResult::cancelled();
        let json = serde_json::to_string(&cancelled).map_err(StoreError::corrupt)?;
        let finished = sqlx::query(
            "UPDATE submissions SET status = 'done', verdict = $1, result = $2, finished_at = $3
             WHERE id = $4 AND user_id = $5 AND status = 'queued'",
        )
        .bind(cancelled.verdict.as_str())
        .bind(&json)
        .bind(now())
        .bind(id)
        .bind(user.get())
        .execute(&self.pool)
        .await?;
        if finished.rows_affected() == 1 {
            self.publish_progress(&domain::ProgressEvent::finished(id, &cancelled)).await?;
            return Ok(Cancel::Cancelled);
        }
        let flagged = sqlx::query(
            "UPDATE submissions SET cancel_requested = 1 WHERE id = $1 AND user_id = $2 AND status = 'running'",
        )
        .bind(id)
        .bind(user.get())
        .execute(&self.pool)
        .await?;
        if flagged.rows_affected() == 1 {
            self.announce_cancel(id).await?;
            return Ok(Cancel::Stopping);
        }
        let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM submissions WHERE id = $1 AND user_id = $2")
            .bind(id)
            .bind(user.get())
            .fetch_optional(&self.pool)
            .await?;
        Ok(if exists.is_some() { Cancel::AlreadyDone } else { Cancel::NotFound })
    }

    /// Full submissions to a problem made at or after `since` that the judge did not accept
    /// (cancelled ones and custom runs aside): the judge's side of a problem card's rating.
    pub async fn failed_full_attempts(&self, user: UserId, problem_id: &str, since: i64) -> Result<i64> {
        Ok(sqlx::query_scalar(
            "SELECT COUNT(*) FROM submissions WHERE user_id = $1 AND problem_id = $2 AND created_at >= $3
                 AND samples_only = 0 AND custom_input IS NULL AND status = 'done'
                 AND verdict NOT IN ('AC', 'cancelled', 'IE')",
        )
        .bind(user.get())
        .bind(problem_id)
        .bind(since)
        .fetch_one(&self.pool)
        .await?)
    }
}
