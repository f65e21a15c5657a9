//! The editor's state kept with the learner's account, so it follows them to another device:
//! drafts (the text per problem and language, saved as they type — the workbench debounces, and
//! sends the last one when the page is left) and the key bindings.

use leptos::prelude::*;

use super::ApiError;
#[cfg(feature = "ssr")]
use {
    super::respond,
    super::submissions::{check_source_text, offered_language},
    crate::ssr::{AppState, session, state::internal},
};

#[server(endpoint = "save_draft")]
pub async fn save_draft(problem_id: String, language: String, source: String) -> Result<(), ApiError> {
    respond(async {
        let state = AppState::current()?;
        let user = session::require_user(&state).await?;
        let language = offered_language(&state, &problem_id, &language)?;
        check_source_text(&source)?;
        state.store.save_draft(user.id, &problem_id, language, &source).await.map_err(internal("saving draft"))
    })
    .await
}

/// "Reset to starter": forgets the draft, so the starter shows again everywhere.
#[server(endpoint = "reset_draft")]
pub async fn reset_draft(problem_id: String, language: String) -> Result<(), ApiError> {
    respond(async {
        let state = AppState::current()?;
        let user = session::require_user(&state).await?;
        let language = offered_language(&state, &problem_id, &language)?;
        state.store.delete_draft(user.id, &problem_id, language).await.map_err(internal("resetting draft"))
    })
    .await
}

/// "Vim keys" on or off, for every problem page on every device of this learner.
#[server(endpoint = "editor_keymap")]
pub async fn set_editor_keymap(keymap: String) -> Result<(), ApiError> {
    respond(async {
        let state = AppState::current()?;
        let user = session::require_user(&state).await?;
        let keymap: domain::Keymap = keymap.parse().map_err(|_| ApiError::bad_input("Keymap is standard or vim."))?;
        state.store.set_editor_keymap(user.id, keymap).await.map_err(internal("saving keymap"))
    })
    .await
}
