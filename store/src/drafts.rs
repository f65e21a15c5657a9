//! The editor's unsaved work: one draft per learner, problem and language.

use domain::Language;

use crate::users::UserId;
use crate::{Result, Store, StoreError, now};

impl Store {
    /// Keeps `source` as the learner's draft (the latest write wins).
    pub async fn save_draft(&self, user: UserId, problem_id: &str, language: Language, source: &str) -> Result<()> {
        let _turn = self.write_turn().await?;
        sqlx::query(
            "INSERT INTO drafts (user_id, problem_id, language, source, updated_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (user_id, problem_id, language) DO UPDATE SET source = excluded.source, updated_at = excluded.updated_at",
        )
        .bind(user.get())
        .bind(problem_id)
        .bind(language.as_str())
        .bind(source)
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The learner's drafts of one problem, in [`Language::ALL`] order.
    pub async fn drafts(&self, user: UserId, problem_id: &str) -> Result<Vec<(Language, String)>> {
        let rows: Vec<(String, String)> =
            sqlx::query_as("SELECT language, source FROM drafts WHERE user_id = $1 AND problem_id = $2")
                .bind(user.get())
                .bind(problem_id)
                .fetch_all(&self.pool)
                .await?;
        let mut drafts = rows
            .into_iter()
            .map(|(lang, source)| Ok((lang.parse::<Language>().map_err(StoreError::corrupt)?, source)))
            .collect::<Result<Vec<_>>>()?;
        drafts.sort_by_key(|(l, _)| Language::ALL.iter().position(|x| x == l));
        Ok(drafts)
    }

    /// Forgets a draft ("Reset to starter").
    pub async fn delete_draft(&self, user: UserId, problem_id: &str, language: Language) -> Result<()> {
        let _turn = self.write_turn().await?;
        sqlx::query("DELETE FROM drafts WHERE user_id = $1 AND problem_id = $2 AND language = $3")
            .bind(user.get())
            .bind(problem_id)
            .bind(language.as_str())
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
