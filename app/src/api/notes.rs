//! Notes and bookmarks: a learner's Markdown note per lesson and problem, bookmarks on lessons,
//! questions and problems, and the "My notes" page that lists them.
//!
//! The pages post plain forms here (they work without JavaScript): such a request (it accepts
//! `text/html`) is answered with a redirect back to the target's page — with the reason in
//! `?note_refused=` when it was refused. Scripts get the result and status as usual.

use leptos::prelude::*;

use super::ApiError;
#[cfg(feature = "ssr")]
use {
    super::respond,
    crate::ssr::{AppState, session, state::internal, targets},
    domain::{BookmarkKind, NOTE_MAX_BYTES, NoteTarget},
};

/// Saves the learner's note on a lesson or problem (`kind`); an empty `body` deletes it.
#[server(endpoint = "save_note")]
pub async fn save_note(kind: String, target_id: String, body: String) -> Result<(), ApiError> {
    respond(async {
        let state = AppState::current()?;
        let user = session::require_user(&state).await?;
        let kind = note_target(&kind)?;
        let target = targets::require(&state.catalog, kind.into(), &target_id)?;
        let saved = async {
            check_note(&body)?;
            state.store.save_note(user.id, kind, &target_id, &body).await.map_err(internal("saving note"))
        }
        .await;
        back_to_page(&format!("{}#my-note", target.href), saved)
    })
    .await
}

/// The note panel of a lesson's or problem's page, as HTML: the rendered note, its edit form,
/// and the page's bookmark button.
#[server(endpoint = "note_html")]
pub async fn note_html(kind: String, target_id: String) -> Result<String, ApiError> {
    use crate::fragments::note_panel::{NotePanelBody, NotePanelView};
    respond(async {
        let state = AppState::current()?;
        let user = session::require_user(&state).await?;
        let kind = note_target(&kind)?;
        targets::require(&state.catalog, kind.into(), &target_id)?;
        let note = state.store.note(user.id, kind, &target_id).await.map_err(internal("reading note"))?;
        let bookmarked = !state
            .store
            .bookmarked(user.id, kind.into(), &[target_id.as_str()])
            .await
            .map_err(internal("reading bookmarks"))?
            .is_empty();
        let panel = NotePanelView {
            kind,
            html: note.as_ref().map(|n| catalog::render_note(&n.body)),
            body: note.map(|n| n.body).unwrap_or_default(),
            target_id,
            bookmarked,
        };
        Ok(view! { <NotePanelBody panel /> }.to_html())
    })
    .await
}

/// Bookmarks (`on = true`) or un-bookmarks a lesson, question or problem; answers with the new
/// state. Setting the state it already has changes nothing.
#[server(endpoint = "bookmark")]
pub async fn set_bookmark(kind: String, target_id: String, on: bool) -> Result<bool, ApiError> {
    respond(async {
        let state = AppState::current()?;
        let user = session::require_user(&state).await?;
        let kind: BookmarkKind =
            kind.parse().map_err(|_| ApiError::bad_input("Kind is lesson, question or problem."))?;
        let target = targets::require(&state.catalog, kind, &target_id)?;
        let saved = state.store.set_bookmark(user.id, kind, &target_id, on).await.map_err(internal("saving bookmark"));
        // A question's form is on its card; the others' in the page's note panel.
        let page = if kind == BookmarkKind::Question { target.href } else { format!("{}#my-note", target.href) };
        back_to_page(&page, saved).map(|()| on)
    })
    .await
}

/// The "My notes" page's content as HTML: every note (newest first) and the bookmarks by kind.
#[server(endpoint = "my_notes_html")]
pub async fn my_notes_html() -> Result<String, ApiError> {
    use crate::fragments::my_notes::{Entry, MyNotes, MyNotesView};
    respond(async {
        let state = AppState::current()?;
        let user = session::require_user(&state).await?;
        let notes = state.store.notes(user.id).await.map_err(internal("reading notes"))?;
        let bookmarks = state.store.bookmarks(user.id).await.map_err(internal("reading bookmarks"))?;
        let entry = |kind: BookmarkKind, id: &str, when: i64| Entry {
            id: id.to_string(),
            target: targets::find(&state.catalog, kind, id),
            date: date(when),
        };
        let view = MyNotesView {
            notes: notes
                .iter()
                .map(|n| (entry(n.kind.into(), &n.target_id, n.updated_at), catalog::render_note(&n.body)))
                .collect(),
            bookmarks: BookmarkKind::ALL
                .iter()
                .map(|&kind| {
                    let of_kind = bookmarks.iter().filter(|b| b.kind == kind);
                    (kind, of_kind.map(|b| entry(kind, &b.target_id, b.created_at)).collect())
                })
                .collect(),
        };
        Ok(view! { <MyNotes view /> }.to_html())
    })
    .await
}

#[cfg(feature = "ssr")]
fn note_target(kind: &str) -> Result<NoteTarget, ApiError> {
    kind.parse().map_err(|_| ApiError::bad_input("Kind is lesson or problem."))
}

/// Refuses a note too large to keep, before anything is written.
#[cfg(feature = "ssr")]
fn check_note(body: &str) -> Result<(), ApiError> {
    if body.len() > NOTE_MAX_BYTES {
        return Err(ApiError::bad_input(format!(
            "A note can be at most {NOTE_MAX_BYTES} bytes; this one is {} bytes. Shorten it and save again.",
            body.len()
        )));
    }
    Ok(())
}

/// `YYYY-MM-DD` (UTC) of a Unix time.
#[cfg(feature = "ssr")]
fn date(secs: i64) -> String {
    chrono::DateTime::from_timestamp(secs, 0).map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
}

/// For a plain form post, redirects to `page` (keeping its `#anchor`), adding the reason when
/// `result` is a refusal, and reports success so the redirect is what the browser sees. Other
/// callers get `result` as it is.
#[cfg(feature = "ssr")]
fn back_to_page(page: &str, result: Result<(), ApiError>) -> Result<(), ApiError> {
    let plain_form = use_context::<http::request::Parts>()
        .and_then(|p| {
            p.headers.get(http::header::ACCEPT).and_then(|v| v.to_str().ok()).map(|v| v.contains("text/html"))
        })
        .unwrap_or(false);
    if !plain_form {
        return result;
    }
    let (path, anchor) = page.split_once('#').map_or((page, None), |(p, a)| (p, Some(a)));
    let mut location = path.to_string();
    if let Err(e) = &result {
        location.push_str("?note_refused=");
        location.extend(form_urlencoded::byte_serialize(e.to_string().as_bytes()));
    }
    if let Some(anchor) = anchor {
        location.push('#');
        location.push_str(anchor);
    }
    leptos_axum::redirect(&location);
    Ok(())
}
