//! Reading every learner table into a document. Rows are ordered by what they mean (content
//! ids, then times), never by database ids alone, so the same progress exports the same bytes
//! on any server.

use portable::{
    AnswerRecord, BookmarkRecord, CardRecord, Document, DraftRecord, LastLesson, LessonRecord, NoteRecord,
    PredictionRecord, RatingRecord, ReviewRecord, Settings, SubmissionRecord,
};
use sqlx::AnyConnection;

use crate::users::UserId;
use crate::{Result, Store, StoreError};

fn parse<T: std::str::FromStr>(value: &str) -> Result<T>
where
    T::Err: std::fmt::Display,
{
    value.parse().map_err(StoreError::corrupt)
}

impl Store {
    /// Everything of `user`'s, as a document stamped with `exported_at`.
    pub async fn export_learner(&self, user: UserId, exported_at: i64) -> Result<Document> {
        let mut conn = self.pool.acquire().await?;
        read(&mut conn, user, exported_at).await
    }
}

type UserRow = (Option<String>, String, f64, Option<String>, Option<i64>);

pub(super) async fn read(conn: &mut AnyConnection, user: UserId, exported_at: i64) -> Result<Document> {
    let id = user.get();
    let (username, keymap, retention, last_lesson, last_at): UserRow = sqlx::query_as(
        "SELECT username, editor_keymap, desired_retention, last_lesson_id, last_lesson_at FROM users WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| StoreError::corrupt(format!("no account {id} to export")))?;
    let settings = Settings { editor_keymap: parse(&keymap)?, desired_retention: retention };
    let mut d = Document::new(exported_at, username, settings);
    d.last_lesson = last_lesson.zip(last_at).map(|(lesson_id, at)| LastLesson { lesson_id, at });

    let rows: Vec<(String, i64, Option<i64>)> = sqlx::query_as(
        "SELECT lesson_id, started_at, done_at FROM lesson_progress WHERE user_id = $1 ORDER BY lesson_id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    d.lessons = rows
        .into_iter()
        .map(|(lesson_id, started_at, done_at)| LessonRecord {
            lesson_id,
            status: if done_at.is_some() { domain::LessonStatus::Done } else { domain::LessonStatus::Started },
            started_at,
            done_at,
        })
        .collect();

    let rows: Vec<(String, String, i64)> =
        sqlx::query_as("SELECT question_id, answer, updated_at FROM answers WHERE user_id = $1 ORDER BY question_id")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    d.answers = rows
        .into_iter()
        .map(|(question_id, answer, updated_at)| AnswerRecord { question_id, answer, updated_at })
        .collect();

    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT question_id, rating, rated_at FROM ratings WHERE user_id = $1
         ORDER BY rated_at, question_id, rating, id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    d.ratings = rows
        .into_iter()
        .map(|(question_id, rating, rated_at)| Ok(RatingRecord { question_id, rating: parse(&rating)?, rated_at }))
        .collect::<Result<_>>()?;

    type CardRow = (String, String, Option<f64>, Option<f64>, i64, Option<i64>, i64, i64);
    let rows: Vec<CardRow> = sqlx::query_as(
        "SELECT kind, card_id, stability, difficulty, due, last_review, reps, lapses FROM review_cards
         WHERE user_id = $1 ORDER BY kind, card_id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    d.review_cards = rows
        .into_iter()
        .map(|(kind, card_id, stability, difficulty, due, last_review, reps, lapses)| {
            Ok(CardRecord { kind: parse(&kind)?, card_id, stability, difficulty, due, last_review, reps, lapses })
        })
        .collect::<Result<_>>()?;

    type LogRow = (String, String, String, i64, Option<i64>, Option<f64>, Option<f64>);
    let rows: Vec<LogRow> = sqlx::query_as(
        "SELECT kind, card_id, rating, reviewed_at, interval_days, stability, difficulty FROM review_log
         WHERE user_id = $1 ORDER BY reviewed_at, kind, card_id, rating, id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    d.review_log = rows
        .into_iter()
        .map(|(kind, card_id, rating, reviewed_at, interval_days, stability, difficulty)| {
            Ok(ReviewRecord {
                kind: parse(&kind)?,
                card_id,
                rating: parse(&rating)?,
                reviewed_at,
                interval_days,
                stability,
                difficulty,
            })
        })
        .collect::<Result<_>>()?;

    let rows: Vec<(String, String, String, i64)> = sqlx::query_as(
        "SELECT kind, target_id, body, updated_at FROM notes WHERE user_id = $1 ORDER BY kind, target_id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    d.notes = rows
        .into_iter()
        .map(|(kind, target_id, body, updated_at)| Ok(NoteRecord { kind: parse(&kind)?, target_id, body, updated_at }))
        .collect::<Result<_>>()?;

    let rows: Vec<(String, String, i64)> =
        sqlx::query_as("SELECT kind, target_id, created_at FROM bookmarks WHERE user_id = $1 ORDER BY kind, target_id")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    d.bookmarks = rows
        .into_iter()
        .map(|(kind, target_id, created_at)| Ok(BookmarkRecord { kind: parse(&kind)?, target_id, created_at }))
        .collect::<Result<_>>()?;

    // Only judged submissions: one still waiting or running has no verdict to carry, and its
    // judge on this server finishes it as usual.
    type SubmissionRow =
        (String, String, i64, String, Option<String>, Option<String>, Option<String>, i64, Option<i64>);
    let rows: Vec<SubmissionRow> = sqlx::query_as(
        "SELECT problem_id, language, samples_only, source, verdict, result, custom_input, created_at, finished_at
         FROM submissions WHERE user_id = $1 AND status = 'done' ORDER BY created_at, id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    for (problem_id, language, samples_only, source, verdict, result, custom_input, created_at, finished_at) in rows {
        let Some(verdict) = verdict else { continue };
        let result = result.and_then(|json| match serde_json::from_str(&json) {
            Ok(r) => Some(r),
            Err(e) => {
                // The code and verdict still travel; only the per-test detail is lost.
                tracing::error!(error = %e, "a stored submission result does not parse; exported without it");
                None
            }
        });
        d.submissions.push(SubmissionRecord {
            problem_id,
            language: parse(&language)?,
            samples_only: samples_only != 0,
            source,
            verdict: parse(&verdict)?,
            result,
            custom_input,
            created_at,
            finished_at,
        });
    }

    let rows: Vec<(String, String, String, i64)> = sqlx::query_as(
        "SELECT problem_id, language, source, updated_at FROM drafts WHERE user_id = $1 ORDER BY problem_id, language",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    d.drafts = rows
        .into_iter()
        .map(|(problem_id, language, source, updated_at)| {
            Ok(DraftRecord { problem_id, language: parse(&language)?, source, updated_at })
        })
        .collect::<Result<_>>()?;

    let rows: Vec<(String, String, String, String, i32, i64)> = sqlx::query_as(
        "SELECT demo_id, params, prediction, outcome, correct, created_at FROM demo_predictions
         WHERE user_id = $1 ORDER BY created_at, id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    d.demo_predictions = rows
        .into_iter()
        .map(|(demo_id, params, prediction, outcome, correct, created_at)| PredictionRecord {
            demo_id,
            params,
            prediction,
            outcome,
            correct: correct != 0,
            created_at,
        })
        .collect();
    Ok(d)
}
