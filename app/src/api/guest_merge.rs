//! A guest who logs in to an existing account is offered to merge the guest's progress into
//! it, or to discard it (`/merge`). The offer is made by `log_in`; until the learner chooses,
//! the guest account stays as it is.

use leptos::prelude::*;

use super::ApiError;
#[cfg(feature = "ssr")]
use {
    super::respond,
    crate::ssr::{AppState, session, state::internal},
};

/// The offers waiting for the signed-in account, as HTML (with the two forms each).
#[server(endpoint = "merge_offer_html")]
pub async fn merge_offer_html() -> Result<String, ApiError> {
    use crate::fragments::merge_offer::{MergeOffer, MergeOfferView, NothingToMerge};
    respond(async {
        let state = AppState::current()?;
        let user = session::require_user(&state).await?;
        let account = user.username.clone().unwrap_or_else(|| "this account".into());
        let pending = state.store.pending_merges(user.id).await.map_err(internal("reading merge offers"))?;
        if pending.is_empty() {
            return Ok(view! { <NothingToMerge /> }.to_html());
        }
        let mut offers = Vec::new();
        for p in pending {
            let doc = state.store.export_learner(p.guest, 0).await.map_err(internal("reading guest progress"))?;
            let counts = [
                (doc.lessons.iter().filter(|l| l.done_at.is_some()).count(), "lesson done", "lessons done"),
                (doc.lessons.len(), "lesson started", "lessons started"),
                (doc.answers.len(), "answer", "answers"),
                (doc.ratings.len(), "rating", "ratings"),
                (doc.submissions.len(), "submission", "submissions"),
                (doc.notes.len(), "note", "notes"),
                (doc.bookmarks.len(), "bookmark", "bookmarks"),
                (doc.drafts.len(), "draft", "drafts"),
                (doc.demo_predictions.len(), "demo prediction", "demo predictions"),
            ];
            let summary = counts
                .iter()
                .filter(|(n, _, _)| *n > 0)
                .map(|(n, one, many)| format!("{n} {}", if *n == 1 { one } else { many }))
                .collect::<Vec<_>>()
                .join(", ");
            offers.push(MergeOfferView { guest: p.guest.get(), summary });
        }
        Ok(view! { <MergeOffer account offers /> }.to_html())
    })
    .await
}

/// The learner's choice for an offered guest account: `merge` (its progress into this account
/// by the import rules, then the guest is deleted) or `discard` (the guest is deleted).
#[server(endpoint = "merge_guest")]
pub async fn merge_guest(guest: i64, choice: String) -> Result<(), ApiError> {
    respond(async {
        let state = AppState::current()?;
        let user = session::require_user(&state).await?;
        let guest = store::UserId::from_raw(guest);
        let done = match choice.as_str() {
            "merge" => matches!(
                state.store.merge_guest(user.id, guest).await.map_err(internal("merging a guest"))?,
                store::MergeOutcome::Merged(_)
            ),
            "discard" => state.store.discard_guest(user.id, guest).await.map_err(internal("discarding a guest"))?,
            _ => return Err(ApiError::bad_input("Choose merge or discard.")),
        };
        if !done {
            return Err(ApiError::NotFound("That guest progress".into()));
        }
        leptos_axum::redirect(if choice == "merge" { "/dashboard" } else { "/" });
        Ok(())
    })
    .await
}
