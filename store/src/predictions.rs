//! Predictions learners make before running a demo, with how each run came out.

use crate::users::UserId;
use crate::{Result, Store, now};

/// One prediction as it is recorded.
pub struct NewPrediction<'a> {
    pub user: UserId,
    pub demo_id: &'a str,
    /// The run's parameters as `name=value&…`.
    pub params: &'a str,
    pub prediction: &'a str,
    /// The demo's result, as JSON.
    pub outcome: &'a str,
    pub correct: bool,
}

/// A learner's predictions so far.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PredictionTally {
    pub made: i64,
    pub right: i64,
}

/// One recorded prediction, newest first in [`Store::recent_predictions`].
#[derive(Debug, Clone, PartialEq)]
pub struct PredictionRecord {
    pub demo_id: String,
    pub params: String,
    pub prediction: String,
    pub outcome: String,
    pub correct: bool,
    pub created_at: i64,
}

impl Store {
    pub async fn record_prediction(&self, p: &NewPrediction<'_>) -> Result<()> {
        let _turn = self.write_turn().await?;
        sqlx::query(
            "INSERT INTO demo_predictions (user_id, demo_id, params, prediction, outcome, correct, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(p.user.get())
        .bind(p.demo_id)
        .bind(p.params)
        .bind(p.prediction)
        .bind(p.outcome)
        .bind(i32::from(p.correct))
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn prediction_tally(&self, user: UserId) -> Result<PredictionTally> {
        let (made, right): (i64, Option<i64>) =
            sqlx::query_as("SELECT COUNT(*), CAST(SUM(correct) AS BIGINT) FROM demo_predictions WHERE user_id = $1")
                .bind(user.get())
                .fetch_one(&self.pool)
                .await?;
        Ok(PredictionTally { made, right: right.unwrap_or(0) })
    }

    /// The learner's latest predictions, newest first.
    pub async fn recent_predictions(&self, user: UserId, limit: i64) -> Result<Vec<PredictionRecord>> {
        let rows: Vec<(String, String, String, String, i32, i64)> = sqlx::query_as(
            "SELECT demo_id, params, prediction, outcome, correct, created_at FROM demo_predictions
             WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2",
        )
        .bind(user.get())
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(demo_id, params, prediction, outcome, correct, created_at)| PredictionRecord {
                demo_id,
                params,
                prediction,
                outcome,
                correct: correct != 0,
                created_at,
            })
            .collect())
    }
}
