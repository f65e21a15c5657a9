use std::collections::{HashMap, HashSet};

use sqlx::SqlitePool;

use crate::api::fields::Rating;
use crate::server::state::now;

/// Marks a lesson started (first visit only) and remembers it as the last visited.
pub async fn record_visit(pool: &SqlitePool, user_id: i64, lesson_id: &str) -> Result<(), sqlx::Error> {
    let t = now();
    let mut tx = pool.begin().await?;
    sqlx::query("INSERT INTO lesson_progress (user_id, lesson_id, started_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
        .bind(user_id)
        .bind(lesson_id)
        .bind(t)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE users SET last_lesson_id = ?, last_lesson_at = ? WHERE id = ?")
        .bind(lesson_id)
        .bind(t)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

pub async fn set_done(pool: &SqlitePool, user_id: i64, lesson_id: &str, done: bool) -> Result<(), sqlx::Error> {
    let t = now();
    let done_at = done.then_some(t);
    sqlx::query(
        "INSERT INTO lesson_progress (user_id, lesson_id, started_at, done_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (user_id, lesson_id) DO UPDATE SET done_at = excluded.done_at",
    )
    .bind(user_id)
    .bind(lesson_id)
    .bind(t)
    .bind(done_at)
    .execute(pool)
    .await?;
    Ok(())
}

pub struct LessonStates {
    pub started: HashSet<String>,
    pub done: HashSet<String>,
    pub last_lesson: Option<String>,
}

pub async fn lesson_states(pool: &SqlitePool, user_id: i64) -> Result<LessonStates, sqlx::Error> {
    let rows: Vec<(String, Option<i64>)> =
        sqlx::query_as("SELECT lesson_id, done_at FROM lesson_progress WHERE user_id = ?")
            .bind(user_id)
            .fetch_all(pool)
            .await?;
    let last_lesson: Option<String> = sqlx::query_scalar("SELECT last_lesson_id FROM users WHERE id = ?")
        .bind(user_id)
        .fetch_optional(pool)
        .await?
        .flatten();
    let mut states = LessonStates { started: HashSet::new(), done: HashSet::new(), last_lesson };
    for (lesson, done_at) in rows {
        if done_at.is_some() {
            states.done.insert(lesson.clone());
        }
        states.started.insert(lesson);
    }
    Ok(states)
}

pub async fn is_done(pool: &SqlitePool, user_id: i64, lesson_id: &str) -> Result<bool, sqlx::Error> {
    let done: Option<Option<i64>> =
        sqlx::query_scalar("SELECT done_at FROM lesson_progress WHERE user_id = ? AND lesson_id = ?")
            .bind(user_id)
            .bind(lesson_id)
            .fetch_optional(pool)
            .await?;
    Ok(matches!(done, Some(Some(_))))
}

pub async fn save_answer(pool: &SqlitePool, user_id: i64, question_id: &str, answer: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO answers (user_id, question_id, answer, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (user_id, question_id) DO UPDATE SET answer = excluded.answer, updated_at = excluded.updated_at",
    )
    .bind(user_id)
    .bind(question_id)
    .bind(answer)
    .bind(now())
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn rate(pool: &SqlitePool, user_id: i64, question_id: &str, rating: Rating) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO ratings (user_id, question_id, rating, rated_at) VALUES (?, ?, ?, ?)")
        .bind(user_id)
        .bind(question_id)
        .bind(rating.as_str())
        .bind(now())
        .execute(pool)
        .await?;
    Ok(())
}

/// The learner's saved answer and latest rating for each of `question_ids` that has one.
pub async fn question_states(
    pool: &SqlitePool,
    user_id: i64,
    question_ids: &[&str],
) -> Result<(HashMap<String, String>, HashMap<String, Rating>), sqlx::Error> {
    // The ids travel as one JSON array, expanded by SQLite's json_each.
    let ids = serde_json::to_string(question_ids).unwrap_or_else(|_| "[]".into());
    let answers: Vec<(String, String)> = sqlx::query_as(
        "SELECT question_id, answer FROM answers
         WHERE user_id = ? AND question_id IN (SELECT value FROM json_each(?))",
    )
    .bind(user_id)
    .bind(&ids)
    .fetch_all(pool)
    .await?;
    // The newest rating per question: ratings are append-only, ids grow with time.
    let ratings: Vec<(String, String)> = sqlx::query_as(
        "SELECT question_id, rating FROM ratings WHERE id IN
           (SELECT MAX(id) FROM ratings
            WHERE user_id = ? AND question_id IN (SELECT value FROM json_each(?))
            GROUP BY question_id)",
    )
    .bind(user_id)
    .bind(&ids)
    .fetch_all(pool)
    .await?;
    let ratings = ratings.into_iter().filter_map(|(q, r)| Rating::parse(&r).ok().map(|r| (q, r))).collect();
    Ok((answers.into_iter().collect(), ratings))
}

/// Number of progress events per UTC day (`YYYY-MM-DD`) since `since` (Unix seconds).
pub async fn activity_by_day(pool: &SqlitePool, user_id: i64, since: i64) -> Result<HashMap<String, u32>, sqlx::Error> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT date(t, 'unixepoch') AS day, COUNT(*) FROM (
             SELECT started_at AS t FROM lesson_progress WHERE user_id = ?1
             UNION ALL SELECT done_at FROM lesson_progress WHERE user_id = ?1 AND done_at IS NOT NULL
             UNION ALL SELECT updated_at FROM answers WHERE user_id = ?1
             UNION ALL SELECT rated_at FROM ratings WHERE user_id = ?1
         ) WHERE t >= ?2 GROUP BY day",
    )
    .bind(user_id)
    .bind(since)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|(d, c)| (d, c as u32)).collect())
}

pub async fn counts(pool: &SqlitePool, user_id: i64) -> Result<(usize, usize), sqlx::Error> {
    let answered: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM answers WHERE user_id = ?").bind(user_id).fetch_one(pool).await?;
    let rated: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM ratings WHERE user_id = ?").bind(user_id).fetch_one(pool).await?;
    Ok((answered as usize, rated as usize))
}
