//! Login sessions. The cookie's token never reaches the database, only its hash (the caller
//! hashes), so a stolen database does not yield live cookies.

use crate::users::{SessionUser, UserId};
use crate::{Result, Store, now};

/// How long a session lives after log-in.
pub const SESSION_LIFETIME_SECS: i64 = 60 * 60 * 24 * 30;

impl Store {
    pub async fn create_session(&self, token_hash: &str, user: UserId) -> Result<()> {
        let created = now();
        sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
            .bind(token_hash)
            .bind(user.get())
            .bind(created)
            .bind(created + SESSION_LIFETIME_SECS)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The account a live session belongs to.
    pub async fn session_user(&self, token_hash: &str) -> Result<Option<SessionUser>> {
        let row: Option<(i64, Option<String>)> = sqlx::query_as(
            "SELECT u.id, u.username FROM sessions s JOIN users u ON u.id = s.user_id
             WHERE s.token_hash = $1 AND s.expires_at > $2",
        )
        .bind(token_hash)
        .bind(now())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(id, username)| SessionUser { id: UserId::from_raw(id), username }))
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(&self.pool).await?;
        Ok(())
    }

    /// Expired sessions are refused by every lookup; deleting them keeps the table small.
    pub async fn purge_expired_sessions(&self) -> Result<u64> {
        let r = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1").bind(now()).execute(&self.pool).await?;
        Ok(r.rows_affected())
    }
}
