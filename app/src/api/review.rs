//! Spaced review as the pages see it (the scheduling is `crate::ssr::review`).

use leptos::prelude::*;

use super::ApiError;
#[cfg(feature = "ssr")]
use {
    super::respond,
    crate::ssr::{AppState, session, state::internal},
};

/// Cards due now and within seven days (the second includes the first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct DueCards {
    pub due_now: i64,
    pub due_week: i64,
}

/// The learner's due counts; zeros for a visitor.
#[server(endpoint = "review_summary")]
pub async fn review_summary() -> Result<DueCards, ApiError> {
    respond(async {
        let state = AppState::current()?;
        let Some(user) = session::current_user(&state).await? else { return Ok(DueCards::default()) };
        let counts = state.store.due_counts(user.id, store::now()).await.map_err(internal("counting due cards"))?;
        Ok(DueCards { due_now: counts.now, due_week: counts.week })
    })
    .await
}

/// The home page's line about review, as HTML (empty for a visitor or a learner with no cards).
#[server(endpoint = "review_summary_html")]
pub async fn review_summary_html() -> Result<String, ApiError> {
    let summary = review_summary().await?;
    if summary.due_week == 0 {
        return Ok(String::new());
    }
    Ok(view! {
        <p class="review-summary" data-due-now=summary.due_now data-due-week=summary.due_week>
            {format!(
                "Review: {} card{} due today, {} in the next 7 days.",
                summary.due_now,
                if summary.due_now == 1 { "" } else { "s" },
                summary.due_week
            )}
        </p>
    }
    .to_html())
}
