//! A learner's notes (one Markdown body per lesson or problem) and bookmarks (lessons,
//! questions, problems). Plain rows on purpose: the body is the Markdown source as typed, and a
//! bookmark is the row itself, so an export can read both tables as they are.

use std::collections::HashSet;

use domain::{BookmarkKind, NoteTarget};

use crate::progress::placeholders;
use crate::users::UserId;
use crate::{Result, Store, StoreError, now};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub kind: NoteTarget,
    pub target_id: String,
    /// The Markdown source.
    pub body: String,
    pub updated_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bookmark {
    pub kind: BookmarkKind,
    pub target_id: String,
    pub created_at: i64,
}

impl Store {
    /// Keeps `body` as the learner's note on the target (the latest write wins). A body that is
    /// empty or only whitespace deletes the note: clearing the box is how a note is removed.
    pub async fn save_note(&self, user: UserId, kind: NoteTarget, target_id: &str, body: &str) -> Result<()> {
        let _turn = self.write_turn().await?;
        if body.trim().is_empty() {
            sqlx::query("DELETE FROM notes WHERE user_id = $1 AND kind = $2 AND target_id = $3")
                .bind(user.get())
                .bind(kind.as_str())
                .bind(target_id)
                .execute(&self.pool)
                .await?;
            return Ok(());
        }
        sqlx::query(
            "INSERT INTO notes (user_id, kind, target_id, body, updated_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (user_id, kind, target_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
        )
        .bind(user.get())
        .bind(kind.as_str())
        .bind(target_id)
        .bind(body)
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn note(&self, user: UserId, kind: NoteTarget, target_id: &str) -> Result<Option<Note>> {
        let row: Option<(String, i64)> =
            sqlx::query_as("SELECT body, updated_at FROM notes WHERE user_id = $1 AND kind = $2 AND target_id = $3")
                .bind(user.get())
                .bind(kind.as_str())
                .bind(target_id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|(body, updated_at)| Note { kind, target_id: target_id.to_string(), body, updated_at }))
    }

    /// Every note of the learner, the most recently edited first.
    pub async fn notes(&self, user: UserId) -> Result<Vec<Note>> {
        let rows: Vec<(String, String, String, i64)> = sqlx::query_as(
            "SELECT kind, target_id, body, updated_at FROM notes WHERE user_id = $1
             ORDER BY updated_at DESC, kind, target_id",
        )
        .bind(user.get())
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(kind, target_id, body, updated_at)| {
                Ok(Note { kind: kind.parse().map_err(StoreError::corrupt)?, target_id, body, updated_at })
            })
            .collect()
    }

    /// Bookmarks (`on`) or un-bookmarks a target. Idempotent: bookmarking twice keeps the first
    /// row and its time.
    pub async fn set_bookmark(&self, user: UserId, kind: BookmarkKind, target_id: &str, on: bool) -> Result<()> {
        let _turn = self.write_turn().await?;
        let query = if on {
            sqlx::query(
                "INSERT INTO bookmarks (user_id, kind, target_id, created_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT DO NOTHING",
            )
            .bind(user.get())
            .bind(kind.as_str())
            .bind(target_id)
            .bind(now())
        } else {
            sqlx::query("DELETE FROM bookmarks WHERE user_id = $1 AND kind = $2 AND target_id = $3")
                .bind(user.get())
                .bind(kind.as_str())
                .bind(target_id)
        };
        query.execute(&self.pool).await?;
        Ok(())
    }

    /// Which of `target_ids` (all of kind `kind`) the learner has bookmarked.
    pub async fn bookmarked(&self, user: UserId, kind: BookmarkKind, target_ids: &[&str]) -> Result<HashSet<String>> {
        if target_ids.is_empty() {
            return Ok(HashSet::new());
        }
        let sql = format!(
            "SELECT target_id FROM bookmarks WHERE user_id = $1 AND kind = $2 AND target_id IN ({})",
            placeholders(3, target_ids.len())
        );
        let mut query = sqlx::query_as::<_, (String,)>(&sql).bind(user.get()).bind(kind.as_str());
        for id in target_ids {
            query = query.bind(*id);
        }
        Ok(query.fetch_all(&self.pool).await?.into_iter().map(|(id,)| id).collect())
    }

    /// Every bookmark of the learner, the newest first.
    pub async fn bookmarks(&self, user: UserId) -> Result<Vec<Bookmark>> {
        let rows: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT kind, target_id, created_at FROM bookmarks WHERE user_id = $1
             ORDER BY created_at DESC, kind, target_id",
        )
        .bind(user.get())
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(kind, target_id, created_at)| {
                Ok(Bookmark { kind: kind.parse().map_err(StoreError::corrupt)?, target_id, created_at })
            })
            .collect()
    }
}
