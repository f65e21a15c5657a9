//! A guest who logs in to an existing account: their guest progress is offered for merging
//! into it (an export of the guest imported into the account, by the same rules as any
//! import) or for discarding. Until they choose, the guest account stays as it was.

use crate::users::UserId;
use crate::{Result, Store, now};

use super::{ImportReport, export, import};

/// A guest account waiting for its owner's choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingMerge {
    pub guest: UserId,
    pub offered_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeOutcome {
    /// Merged, and the guest account deleted.
    Merged(Box<ImportReport>),
    /// No such offer for this account (already decided, or never made).
    NotOffered,
}

impl Store {
    /// After `guest` logged in as `account`: remembers the offer if the guest has any progress
    /// (true), and otherwise deletes the guest account at once, as there is nothing to keep.
    pub async fn offer_guest_merge(&self, account: UserId, guest: UserId) -> Result<bool> {
        let _turn = self.write_turn().await?;
        let mut tx = self.pool.begin().await?;
        let is_guest: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE id = $1 AND username IS NULL")
            .bind(guest.get())
            .fetch_optional(&mut *tx)
            .await?;
        if is_guest.is_none() || account == guest {
            return Ok(false);
        }
        let progress = export::read(&mut tx, guest, 0).await?.has_progress();
        if progress {
            sqlx::query(
                "INSERT INTO pending_merges (account_id, guest_id, offered_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            )
            .bind(account.get())
            .bind(guest.get())
            .bind(now())
            .execute(&mut *tx)
            .await?;
        } else {
            sqlx::query("DELETE FROM users WHERE id = $1 AND username IS NULL")
                .bind(guest.get())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        if !progress {
            self.sessions_changed(guest).await?;
        }
        Ok(progress)
    }

    /// The guest accounts offered to `account`, oldest first.
    pub async fn pending_merges(&self, account: UserId) -> Result<Vec<PendingMerge>> {
        let rows: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT guest_id, offered_at FROM pending_merges WHERE account_id = $1 ORDER BY offered_at, guest_id",
        )
        .bind(account.get())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(g, at)| PendingMerge { guest: UserId::from_raw(g), offered_at: at }).collect())
    }

    /// Merges an offered guest's progress into `account` and deletes the guest, in one
    /// transaction (so a failure leaves both accounts and the offer as they were).
    pub async fn merge_guest(&self, account: UserId, guest: UserId) -> Result<MergeOutcome> {
        let _turn = self.write_turn().await?;
        let mut tx = self.pool.begin().await?;
        if !offered(&mut tx, account, guest).await? {
            return Ok(MergeOutcome::NotOffered);
        }
        let doc = export::read(&mut tx, guest, now()).await?;
        let report = import::apply(&mut tx, account, &doc).await?;
        delete_guest(&mut tx, guest).await?;
        tx.commit().await?;
        self.sessions_changed(guest).await?;
        Ok(MergeOutcome::Merged(Box::new(report)))
    }

    /// Deletes an offered guest account and its progress; false if it was not offered.
    pub async fn discard_guest(&self, account: UserId, guest: UserId) -> Result<bool> {
        let _turn = self.write_turn().await?;
        let mut tx = self.pool.begin().await?;
        if !offered(&mut tx, account, guest).await? {
            return Ok(false);
        }
        delete_guest(&mut tx, guest).await?;
        tx.commit().await?;
        self.sessions_changed(guest).await?;
        Ok(true)
    }
}

async fn offered(conn: &mut sqlx::AnyConnection, account: UserId, guest: UserId) -> Result<bool> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT guest_id FROM pending_merges WHERE account_id = $1 AND guest_id = $2")
            .bind(account.get())
            .bind(guest.get())
            .fetch_optional(&mut *conn)
            .await?;
    Ok(found.is_some())
}

/// Deletes a guest account: its rows everywhere go with it (`ON DELETE CASCADE`), the offer and
/// its sessions too (the caller tells the session caches once the deletion is committed).
async fn delete_guest(conn: &mut sqlx::AnyConnection, guest: UserId) -> Result<()> {
    sqlx::query("DELETE FROM users WHERE id = $1 AND username IS NULL").bind(guest.get()).execute(&mut *conn).await?;
    Ok(())
}
