//! Login sessions. The cookie's token never reaches the database, only its hash (the caller
//! hashes), so a stolen database does not yield live cookies.

use crate::users::{SessionUser, UserId};
use crate::{Result, Store, now};

/// How long a session lives after log-in.
pub const SESSION_LIFETIME_SECS: i64 = 60 * 60 * 24 * 30;

impl Store {
    pub async fn create_session(&self, token_hash: &str, user: UserId) -> Result<()> {
        let _turn = self.write_turn().await?;
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

    /// The account a live session belongs to. Asked on every signed-in request, so a recent
    /// answer is reused (see `session_cache.rs` for how long and what ends it).
    pub async fn session_user(&self, token_hash: &str) -> Result<Option<SessionUser>> {
        let now = now();
        if let Some(user) = self.sessions.get(token_hash, now) {
            return Ok(Some(user));
        }
        let ticket = self.sessions.ticket();
        let row: Option<(i64, Option<String>, i64)> = sqlx::query_as(
            "SELECT u.id, u.username, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
             WHERE s.token_hash = $1 AND s.expires_at > $2",
        )
        .bind(token_hash)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(id, username, expires_at)| {
            let user = SessionUser { id: UserId::from_raw(id), username };
            self.sessions.keep(ticket, token_hash, user.clone(), expires_at);
            user
        }))
    }

    /// Ends a session here and, through the learner's change notification, in every process.
    pub async fn delete_session(&self, token_hash: &str) -> Result<()> {
        let _turn = self.write_turn().await?;
        self.sessions.forget_token(token_hash);
        let owner: Option<i64> = sqlx::query_scalar("DELETE FROM sessions WHERE token_hash = $1 RETURNING user_id")
            .bind(token_hash)
            .fetch_optional(&self.pool)
            .await?;
        match owner {
            Some(user) => self.sessions_changed(UserId::from_raw(user)).await,
            None => Ok(()),
        }
    }

    /// Some of `user`'s sessions are gone (logged out, account deleted) or show someone else now
    /// (a claimed guest has a name): no process may go on believing what it looked up.
    pub(crate) async fn sessions_changed(&self, user: UserId) -> Result<()> {
        self.sessions.forget_user(user);
        self.announce_learner_changed(user).await
    }

    /// Expired sessions are refused by every lookup; deleting them keeps the table small.
    pub async fn purge_expired_sessions(&self) -> Result<u64> {
        let _turn = self.write_turn().await?;
        let r = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1").bind(now()).execute(&self.pool).await?;
        Ok(r.rows_affected())
    }
}
