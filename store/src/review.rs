//! The review queue: each card's FSRS state and the append-only log of reviews. The scheduling
//! itself is the `review` crate's; the store keeps what it decided.

use domain::{CardRef, Rating};
use sqlx::AnyConnection;

use crate::users::UserId;
use crate::{Result, Store, StoreError};

/// A card's row: what the scheduler needs to schedule it again.
#[derive(Debug, Clone, PartialEq)]
pub struct CardState {
    pub card: CardRef,
    /// `(stability, difficulty)`; `None` before its first scheduled review.
    pub memory: Option<(f64, f64)>,
    pub due: i64,
    pub last_review: Option<i64>,
    pub reps: i64,
    pub lapses: i64,
}

/// One review as the scheduler decided it, to be logged and applied.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    pub card: CardRef,
    pub rating: Rating,
    pub at: i64,
    pub stability: f64,
    pub difficulty: f64,
    pub interval_days: u32,
    pub due: i64,
}

/// How many cards are due now and within the next seven days (these include the first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DueCounts {
    pub now: i64,
    pub week: i64,
}

const WEEK: i64 = 7 * 86_400;

type CardRow = (String, String, Option<f64>, Option<f64>, i64, Option<i64>, i64, i64);

fn card_state((kind, id, stability, difficulty, due, last_review, reps, lapses): CardRow) -> Result<CardState> {
    Ok(CardState {
        card: CardRef { kind: kind.parse().map_err(StoreError::corrupt)?, id },
        memory: stability.zip(difficulty),
        due,
        last_review,
        reps,
        lapses,
    })
}

const CARD_COLUMNS: &str = "kind, card_id, stability, difficulty, due, last_review, reps, lapses";

impl Store {
    pub async fn card_state(&self, user: UserId, card: &CardRef) -> Result<Option<CardState>> {
        let sql = format!("SELECT {CARD_COLUMNS} FROM review_cards WHERE user_id = $1 AND kind = $2 AND card_id = $3");
        let row: Option<CardRow> = sqlx::query_as(&sql)
            .bind(user.get())
            .bind(card.kind.as_str())
            .bind(&card.id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(card_state).transpose()
    }

    /// Logs a review and moves its card to the scheduler's new state, in one transaction.
    pub async fn record_review(&self, user: UserId, review: &Review) -> Result<()> {
        let _turn = self.write_turn().await?;
        let mut tx = self.pool.begin().await?;
        apply_review(&mut tx, user, review).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A question's rating: kept among its ratings and applied as a review, in one transaction,
    /// so neither a crash nor a lock held elsewhere leaves one without the other.
    pub async fn record_rating(&self, user: UserId, review: &Review) -> Result<()> {
        let _turn = self.write_turn().await?;
        let mut tx = self.pool.begin().await?;
        sqlx::query("INSERT INTO ratings (user_id, question_id, rating, rated_at) VALUES ($1, $2, $3, $4)")
            .bind(user.get())
            .bind(&review.card.id)
            .bind(review.rating.as_str())
            .bind(review.at)
            .execute(&mut *tx)
            .await?;
        apply_review(&mut tx, user, review).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Cards due by `until` (now, or later to review ahead) and not reviewed after
    /// `reviewed_before` (reviewing ahead skips what was just seen), most overdue first.
    pub async fn due_cards(
        &self,
        user: UserId,
        until: i64,
        reviewed_before: i64,
        limit: i64,
    ) -> Result<Vec<CardState>> {
        let sql = format!(
            "SELECT {CARD_COLUMNS} FROM review_cards WHERE user_id = $1 AND due <= $2
                 AND COALESCE(last_review, 0) < $3 ORDER BY due, kind, card_id LIMIT $4"
        );
        let rows: Vec<CardRow> = sqlx::query_as(&sql)
            .bind(user.get())
            .bind(until)
            .bind(reviewed_before)
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        rows.into_iter().map(card_state).collect()
    }

    pub async fn due_counts(&self, user: UserId, now: i64) -> Result<DueCounts> {
        let (due, week): (i64, i64) = sqlx::query_as(
            "SELECT COALESCE(SUM(CASE WHEN due <= $2 THEN 1 ELSE 0 END), 0), COUNT(*)
             FROM review_cards WHERE user_id = $1 AND due <= $3",
        )
        .bind(user.get())
        .bind(now)
        .bind(now + WEEK)
        .fetch_one(&self.pool)
        .await?;
        Ok(DueCounts { now: due, week })
    }

    /// Every review of a card, oldest first (what the schedule can be recomputed from).
    pub async fn review_log(&self, user: UserId, card: &CardRef) -> Result<Vec<(Rating, i64)>> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT rating, reviewed_at FROM review_log WHERE user_id = $1 AND kind = $2 AND card_id = $3 ORDER BY id",
        )
        .bind(user.get())
        .bind(card.kind.as_str())
        .bind(&card.id)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(|(r, at)| Ok((r.parse().map_err(StoreError::corrupt)?, at))).collect()
    }
}

/// The review's two rows: its line in the log and its card's new state.
async fn apply_review(conn: &mut AnyConnection, user: UserId, review: &Review) -> Result<()> {
    sqlx::query(
        "INSERT INTO review_log (user_id, kind, card_id, rating, reviewed_at, interval_days, stability, difficulty)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(user.get())
    .bind(review.card.kind.as_str())
    .bind(&review.card.id)
    .bind(review.rating.as_str())
    .bind(review.at)
    .bind(i64::from(review.interval_days))
    .bind(review.stability)
    .bind(review.difficulty)
    .execute(&mut *conn)
    .await?;
    let lapse = i64::from(review.rating == Rating::Again);
    sqlx::query(
        "INSERT INTO review_cards (user_id, kind, card_id, stability, difficulty, due, last_review, reps, lapses)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8)
         ON CONFLICT (user_id, kind, card_id) DO UPDATE SET stability = excluded.stability,
             difficulty = excluded.difficulty, due = excluded.due, last_review = excluded.last_review,
             reps = review_cards.reps + 1, lapses = review_cards.lapses + excluded.lapses",
    )
    .bind(user.get())
    .bind(review.card.kind.as_str())
    .bind(&review.card.id)
    .bind(review.stability)
    .bind(review.difficulty)
    .bind(review.due)
    .bind(review.at)
    .bind(lapse)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
