//! Per-account settings that follow a learner between devices (the theme stays a cookie: the
//! server needs it before it knows who is asking, to render without a flash).

use domain::Keymap;

use crate::users::UserId;
use crate::{Result, Store, StoreError};

impl Store {
    pub async fn editor_keymap(&self, user: UserId) -> Result<Keymap> {
        let keymap: Option<String> = sqlx::query_scalar("SELECT editor_keymap FROM users WHERE id = $1")
            .bind(user.get())
            .fetch_optional(&self.pool)
            .await?;
        keymap.map_or(Ok(Keymap::default()), |k| k.parse().map_err(StoreError::corrupt))
    }

    pub async fn set_editor_keymap(&self, user: UserId, keymap: Keymap) -> Result<()> {
        let _turn = self.write_turn().await?;
        sqlx::query("UPDATE users SET editor_keymap = $1 WHERE id = $2")
            .bind(keymap.as_str())
            .bind(user.get())
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
