//! The submissions table: the web side inserts and reads; the judge worker claims and finishes.

use sqlx::SqlitePool;

use crate::api::{SubmissionResult, SubmissionView};
use crate::server::state::now;

pub async fn insert(
    pool: &SqlitePool,
    user_id: i64,
    problem_id: &str,
    language: &str,
    source: &str,
    samples_only: bool,
) -> Result<i64, sqlx::Error> {
    let r = sqlx::query(
        "INSERT INTO submissions (user_id, problem_id, language, source, samples_only, created_at)
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(user_id)
    .bind(problem_id)
    .bind(language)
    .bind(source)
    .bind(samples_only)
    .bind(now())
    .execute(pool)
    .await?;
    Ok(r.last_insert_rowid())
}

/// Submissions of this user still waiting or running.
pub async fn pending(pool: &SqlitePool, user_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM submissions WHERE user_id = ? AND status != 'done'")
        .bind(user_id)
        .fetch_one(pool)
        .await
}

type Row = (i64, String, String, bool, String, Option<String>, i64);

fn view((id, problem_id, language, samples_only, status, result, created_at): Row) -> SubmissionView {
    let result = result.and_then(|json| match serde_json::from_str::<SubmissionResult>(&json) {
        Ok(r) => Some(r),
        Err(e) => {
            tracing::error!(id, error = %e, "stored submission result does not parse");
            None
        }
    });
    SubmissionView { id, problem_id, language, samples_only, status, result, created_at }
}

const COLUMNS: &str = "id, problem_id, language, samples_only, status, result, created_at";

/// One of this user's submissions (another user's id reads as missing).
pub async fn get(pool: &SqlitePool, user_id: i64, id: i64) -> Result<Option<SubmissionView>, sqlx::Error> {
    let row: Option<Row> = sqlx::query_as(&format!("SELECT {COLUMNS} FROM submissions WHERE id = ? AND user_id = ?"))
        .bind(id)
        .bind(user_id)
        .fetch_optional(pool)
        .await?;
    Ok(row.map(view))
}

/// This user's latest submissions to a problem, newest first.
pub async fn recent(
    pool: &SqlitePool,
    user_id: i64,
    problem_id: &str,
    limit: i64,
) -> Result<Vec<SubmissionView>, sqlx::Error> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM submissions WHERE user_id = ? AND problem_id = ? ORDER BY id DESC LIMIT ?"
    ))
    .bind(user_id)
    .bind(problem_id)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(view).collect())
}

/// Problems this user has solved: a full submission (not just the samples) accepted.
pub async fn solved(pool: &SqlitePool, user_id: i64) -> Result<std::collections::HashSet<String>, sqlx::Error> {
    let rows: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT problem_id FROM submissions WHERE user_id = ? AND verdict = 'AC' AND samples_only = 0",
    )
    .bind(user_id)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().collect())
}
