use sqlx::SqlitePool;

use crate::server::state::now;

pub struct Credentials {
    pub id: i64,
    pub password_hash: String,
}

pub async fn create_guest(pool: &SqlitePool) -> Result<i64, sqlx::Error> {
    let r = sqlx::query("INSERT INTO users (created_at) VALUES (?)").bind(now()).execute(pool).await?;
    Ok(r.last_insert_rowid())
}

/// `Ok(None)` when the username is taken.
pub async fn create(pool: &SqlitePool, username: &str, password_hash: &str) -> Result<Option<i64>, sqlx::Error> {
    let r =
        sqlx::query("INSERT INTO users (username, password_hash, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
            .bind(username)
            .bind(password_hash)
            .bind(now())
            .execute(pool)
            .await?;
    Ok((r.rows_affected() == 1).then(|| r.last_insert_rowid()))
}

pub async fn credentials(pool: &SqlitePool, username: &str) -> Result<Option<Credentials>, sqlx::Error> {
    let row: Option<(i64, String)> =
        sqlx::query_as("SELECT id, password_hash FROM users WHERE username = ? AND password_hash IS NOT NULL")
            .bind(username)
            .fetch_optional(pool)
            .await?;
    Ok(row.map(|(id, password_hash)| Credentials { id, password_hash }))
}

pub enum Claim {
    Claimed,
    UsernameTaken,
    NotAGuest,
}

/// Gives a guest account a username and password; its progress stays where it is because the
/// user id does not change.
pub async fn claim_guest(
    pool: &SqlitePool,
    user_id: i64,
    username: &str,
    password_hash: &str,
) -> Result<Claim, sqlx::Error> {
    let taken: Option<i64> =
        sqlx::query_scalar("SELECT id FROM users WHERE username = ?").bind(username).fetch_optional(pool).await?;
    if taken.is_some() {
        return Ok(Claim::UsernameTaken);
    }
    let r = sqlx::query("UPDATE users SET username = ?, password_hash = ? WHERE id = ? AND username IS NULL")
        .bind(username)
        .bind(password_hash)
        .bind(user_id)
        .execute(pool)
        .await;
    match r {
        Ok(r) if r.rows_affected() == 1 => Ok(Claim::Claimed),
        Ok(_) => Ok(Claim::NotAGuest),
        // Lost a race with a sign-up of the same name between the check and the update.
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Ok(Claim::UsernameTaken),
        Err(e) => Err(e),
    }
}
