//! A learner's way through the course: lessons started and done, answers, ratings.

use std::collections::{BTreeMap, HashMap, HashSet};

use domain::Rating;

use crate::users::UserId;
use crate::{Result, Store, StoreError, now};

const SECONDS_PER_DAY: i64 = 86_400;

pub struct LessonStates {
    pub started: HashSet<String>,
    pub done: HashSet<String>,
    pub last_lesson: Option<String>,
}

/// The learner's saved answer and latest rating per question, for the questions asked about.
#[derive(Debug, Default)]
pub struct QuestionStates {
    pub answers: HashMap<String, String>,
    pub ratings: HashMap<String, Rating>,
}

/// `$first, $first+1, …` for `n` values: an `IN (…)` list both engines understand.
pub(crate) fn placeholders(first: usize, n: usize) -> String {
    (first..first + n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

impl Store {
    /// Marks a lesson started (first visit only) and remembers it as the last visited.
    pub async fn record_lesson_visit(&self, user: UserId, lesson_id: &str) -> Result<()> {
        let _turn = self.write_turn().await?;
        let t = now();
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO lesson_progress (user_id, lesson_id, started_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        )
        .bind(user.get())
        .bind(lesson_id)
        .bind(t)
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE users SET last_lesson_id = $1, last_lesson_at = $2 WHERE id = $3")
            .bind(lesson_id)
            .bind(t)
            .bind(user.get())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn set_lesson_done(&self, user: UserId, lesson_id: &str, done: bool) -> Result<()> {
        let _turn = self.write_turn().await?;
        let t = now();
        sqlx::query(
            "INSERT INTO lesson_progress (user_id, lesson_id, started_at, done_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (user_id, lesson_id) DO UPDATE SET done_at = excluded.done_at",
        )
        .bind(user.get())
        .bind(lesson_id)
        .bind(t)
        .bind(done.then_some(t))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn lesson_states(&self, user: UserId) -> Result<LessonStates> {
        let rows: Vec<(String, Option<i64>)> =
            sqlx::query_as("SELECT lesson_id, done_at FROM lesson_progress WHERE user_id = $1")
                .bind(user.get())
                .fetch_all(&self.pool)
                .await?;
        let last_lesson: Option<String> = sqlx::query_scalar("SELECT last_lesson_id FROM users WHERE id = $1")
            .bind(user.get())
            .fetch_optional(&self.pool)
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

    pub async fn is_lesson_done(&self, user: UserId, lesson_id: &str) -> Result<bool> {
        let done: Option<Option<i64>> =
            sqlx::query_scalar("SELECT done_at FROM lesson_progress WHERE user_id = $1 AND lesson_id = $2")
                .bind(user.get())
                .bind(lesson_id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(matches!(done, Some(Some(_))))
    }

    /// The latest answer replaces the last one.
    pub async fn save_answer(&self, user: UserId, question_id: &str, answer: &str) -> Result<()> {
        let _turn = self.write_turn().await?;
        sqlx::query(
            "INSERT INTO answers (user_id, question_id, answer, updated_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (user_id, question_id) DO UPDATE SET answer = excluded.answer, updated_at = excluded.updated_at",
        )
        .bind(user.get())
        .bind(question_id)
        .bind(answer)
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Appends to the ratings log (every rating is kept: review schedules are computed from it).
    pub async fn rate_question(&self, user: UserId, question_id: &str, rating: Rating) -> Result<()> {
        let _turn = self.write_turn().await?;
        sqlx::query("INSERT INTO ratings (user_id, question_id, rating, rated_at) VALUES ($1, $2, $3, $4)")
            .bind(user.get())
            .bind(question_id)
            .bind(rating.as_str())
            .bind(now())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The learner's saved answer and latest rating for each of `question_ids` that has one.
    pub async fn question_states(&self, user: UserId, question_ids: &[&str]) -> Result<QuestionStates> {
        if question_ids.is_empty() {
            return Ok(QuestionStates::default());
        }
        let list = placeholders(2, question_ids.len());
        let sql = format!("SELECT question_id, answer FROM answers WHERE user_id = $1 AND question_id IN ({list})");
        let mut query = sqlx::query_as::<_, (String, String)>(&sql).bind(user.get());
        for id in question_ids {
            query = query.bind(*id);
        }
        let answers = query.fetch_all(&self.pool).await?.into_iter().collect();
        // The newest rating per question: ratings are append-only, ids grow with time.
        let sql = format!(
            "SELECT question_id, rating FROM ratings WHERE id IN
               (SELECT MAX(id) FROM ratings WHERE user_id = $1 AND question_id IN ({list}) GROUP BY question_id)"
        );
        let mut query = sqlx::query_as::<_, (String, String)>(&sql).bind(user.get());
        for id in question_ids {
            query = query.bind(*id);
        }
        let ratings = query
            .fetch_all(&self.pool)
            .await?
            .into_iter()
            .map(|(q, r)| r.parse::<Rating>().map(|r| (q, r)).map_err(StoreError::corrupt))
            .collect::<Result<_>>()?;
        Ok(QuestionStates { answers, ratings })
    }

    /// Progress events (lessons started or done, answers, ratings) per UTC day since `since`
    /// (Unix seconds); days are numbered from 1970-01-01 = 0.
    pub async fn activity_by_day(&self, user: UserId, since: i64) -> Result<BTreeMap<i64, u32>> {
        let sql = format!(
            "SELECT t / {SECONDS_PER_DAY} AS day, COUNT(*) FROM (
                 SELECT started_at AS t FROM lesson_progress WHERE user_id = $1
                 UNION ALL SELECT done_at FROM lesson_progress WHERE user_id = $1 AND done_at IS NOT NULL
                 UNION ALL SELECT updated_at FROM answers WHERE user_id = $1
                 UNION ALL SELECT rated_at FROM ratings WHERE user_id = $1
             ) AS events WHERE t >= $2 GROUP BY t / {SECONDS_PER_DAY}"
        );
        let rows: Vec<(i64, i64)> = sqlx::query_as(&sql).bind(user.get()).bind(since).fetch_all(&self.pool).await?;
        Ok(rows.into_iter().map(|(day, n)| (day, n as u32)).collect())
    }

    /// `(questions answered, ratings given)`.
    pub async fn answer_and_rating_counts(&self, user: UserId) -> Result<(usize, usize)> {
        let answered: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM answers WHERE user_id = $1")
            .bind(user.get())
            .fetch_one(&self.pool)
            .await?;
        let rated: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM ratings WHERE user_id = $1")
            .bind(user.get())
            .fetch_one(&self.pool)
            .await?;
        Ok((answered as usize, rated as usize))
    }
}
