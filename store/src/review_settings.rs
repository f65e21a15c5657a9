//! Each learner's review settings: the retention they want and the FSRS weights fitted to their
//! own log (a JSON array; derived, so it can always be fitted again from `review_log`).

use domain::{CardRef, Rating};

use crate::users::UserId;
use crate::{Result, Store, StoreError};

/// Weights fitted to a learner's reviews, and from how many reviews, when.
#[derive(Debug, Clone, PartialEq)]
pub struct FittedWeights {
    pub weights: Vec<f32>,
    pub reviews_used: i64,
    pub fitted_at: i64,
}

/// One card's reviews, oldest first.
pub type CardLog = (CardRef, Vec<(Rating, i64)>);

impl Store {
    /// The learner's desired retention (0.90 unless they set one).
    pub async fn desired_retention(&self, user: UserId) -> Result<f64> {
        let value: Option<f64> = sqlx::query_scalar("SELECT desired_retention FROM users WHERE id = $1")
            .bind(user.get())
            .fetch_optional(&self.pool)
            .await?;
        Ok(value.unwrap_or(0.9))
    }

    /// Stores a retention the caller has checked (the column's CHECK refuses anything outside
    /// 0.70–0.97 as a last line).
    pub async fn set_desired_retention(&self, user: UserId, retention: f64) -> Result<()> {
        let _turn = self.write_turn().await?;
        sqlx::query("UPDATE users SET desired_retention = $1 WHERE id = $2")
            .bind(retention)
            .bind(user.get())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn fitted_weights(&self, user: UserId) -> Result<Option<FittedWeights>> {
        let row: Option<(String, i64, i64)> =
            sqlx::query_as("SELECT weights, reviews_used, fitted_at FROM review_parameters WHERE user_id = $1")
                .bind(user.get())
                .fetch_optional(&self.pool)
                .await?;
        row.map(|(weights, reviews_used, fitted_at)| {
            let weights = serde_json::from_str(&weights).map_err(StoreError::corrupt)?;
            Ok(FittedWeights { weights, reviews_used, fitted_at })
        })
        .transpose()
    }

    pub async fn save_fitted_weights(&self, user: UserId, fitted: &FittedWeights) -> Result<()> {
        let _turn = self.write_turn().await?;
        let weights = serde_json::to_string(&fitted.weights).map_err(StoreError::corrupt)?;
        sqlx::query(
            "INSERT INTO review_parameters (user_id, weights, reviews_used, fitted_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (user_id) DO UPDATE SET weights = excluded.weights,
                 reviews_used = excluded.reviews_used, fitted_at = excluded.fitted_at",
        )
        .bind(user.get())
        .bind(weights)
        .bind(fitted.reviews_used)
        .bind(fitted.fitted_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Every card's reviews, oldest first: what the optimizer learns from.
    pub async fn review_histories(&self, user: UserId) -> Result<Vec<CardLog>> {
        let rows: Vec<(String, String, String, i64)> = sqlx::query_as(
            "SELECT kind, card_id, rating, reviewed_at FROM review_log WHERE user_id = $1
             ORDER BY kind, card_id, reviewed_at, id",
        )
        .bind(user.get())
        .fetch_all(&self.pool)
        .await?;
        let mut logs: Vec<CardLog> = Vec::new();
        for (kind, id, rating, at) in rows {
            let rating: Rating = rating.parse().map_err(StoreError::corrupt)?;
            match logs.last_mut() {
                Some((card, reviews)) if card.kind.as_str() == kind && card.id == id => reviews.push((rating, at)),
                _ => logs.push((CardRef { kind: kind.parse().map_err(StoreError::corrupt)?, id }, vec![(rating, at)])),
            }
        }
        Ok(logs)
    }
}
