//! Accounts: guests, named accounts, credentials, claiming a guest account.

use std::fmt;

use crate::connect::Backend;
use crate::{Result, Store, now};

/// A row id of `users`. Only the store makes these (from rows), so one in hand names an account
/// that existed when it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UserId(i64);

impl UserId {
    pub fn get(self) -> i64 {
        self.0
    }

    /// For tests and tools that name an account by number; the store treats an id that does not
    /// exist as "no such row".
    pub fn from_raw(id: i64) -> Self {
        UserId(id)
    }
}

impl fmt::Display for UserId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// The account a live session belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionUser {
    pub id: UserId,
    /// `None` for a guest.
    pub username: Option<String>,
}

pub struct Credentials {
    pub id: UserId,
    pub password_hash: String,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Claim {
    Claimed,
    UsernameTaken,
    NotAGuest,
}

impl Backend {
    /// Usernames match regardless of case: SQLite's column is `COLLATE NOCASE`, Postgres has a
    /// unique index on `lower(username)`.
    fn username_is(self, placeholder: &str) -> String {
        match self {
            Backend::Sqlite => format!("username = {placeholder}"),
            Backend::Postgres => format!("lower(username) = lower({placeholder})"),
        }
    }
}

impl Store {
    pub async fn create_guest(&self) -> Result<UserId> {
        let _turn = self.write_turn().await?;
        let id: i64 = sqlx::query_scalar("INSERT INTO users (created_at) VALUES ($1) RETURNING id")
            .bind(now())
            .fetch_one(&self.pool)
            .await?;
        Ok(UserId(id))
    }

    /// `Ok(None)` when the username is taken.
    pub async fn create_user(&self, username: &str, password_hash: &str) -> Result<Option<UserId>> {
        let _turn = self.write_turn().await?;
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO users (username, password_hash, created_at) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING RETURNING id",
        )
        .bind(username)
        .bind(password_hash)
        .bind(now())
        .fetch_optional(&self.pool)
        .await?;
        Ok(id.map(UserId))
    }

    pub async fn credentials(&self, username: &str) -> Result<Option<Credentials>> {
        let sql = format!(
            "SELECT id, password_hash FROM users WHERE {} AND password_hash IS NOT NULL",
            self.backend.username_is("$1")
        );
        let row: Option<(i64, String)> = sqlx::query_as(&sql).bind(username).fetch_optional(&self.pool).await?;
        Ok(row.map(|(id, password_hash)| Credentials { id: UserId(id), password_hash }))
    }

    /// Gives a guest account a username and password; its progress stays where it is because the
    /// user id does not change.
    pub async fn claim_guest(&self, user: UserId, username: &str, password_hash: &str) -> Result<Claim> {
        let _turn = self.write_turn().await?;
        let sql = format!("SELECT id FROM users WHERE {}", self.backend.username_is("$1"));
        let taken: Option<i64> = sqlx::query_scalar(&sql).bind(username).fetch_optional(&self.pool).await?;
        if taken.is_some() {
            return Ok(Claim::UsernameTaken);
        }
        let r = sqlx::query("UPDATE users SET username = $1, password_hash = $2 WHERE id = $3 AND username IS NULL")
            .bind(username)
            .bind(password_hash)
            .bind(user.0)
            .execute(&self.pool)
            .await;
        match r {
            Ok(r) if r.rows_affected() == 1 => {
                self.sessions_changed(user).await?;
                Ok(Claim::Claimed)
            }
            Ok(_) => Ok(Claim::NotAGuest),
            // Lost a race with a sign-up of the same name between the check and the update.
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Ok(Claim::UsernameTaken),
            Err(e) => Err(e.into()),
        }
    }
}
