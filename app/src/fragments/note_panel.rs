//! The inside of a lesson's or problem's "My note" panel: the rendered note, a plain form to
//! edit it, and the page's bookmark button. `components::note_panel` puts it on the page.

use domain::{BookmarkKind, NOTE_MAX_BYTES, NoteTarget};
use leptos::prelude::*;

use crate::components::bookmark_button::BookmarkButton;

pub struct NotePanelView {
    pub kind: NoteTarget,
    pub target_id: String,
    /// The Markdown source, for the edit box (empty when there is no note).
    pub body: String,
    /// The rendered note, if there is one.
    pub html: Option<String>,
    pub bookmarked: bool,
}

#[component]
pub fn NotePanelBody(panel: NotePanelView) -> impl IntoView {
    let NotePanelView { kind, target_id, body, html, bookmarked } = panel;
    let has_note = html.is_some();
    let what = match kind {
        NoteTarget::Lesson => "this lesson",
        NoteTarget::Problem => "this problem",
    };
    view! {
        {match html {
            Some(html) => view! { <div class="note-body prose" data-note=kind.as_str() inner_html=html></div> }.into_any(),
            None => view! {
                <p class="muted note-empty">
                    {format!("No note on {what} yet. Write one in Markdown: it is kept with your account.")}
                </p>
            }
            .into_any(),
        }}
        // Open for writing when there is nothing to read yet.
        <details class="note-edit" open=!has_note>
            <summary>{if has_note { "Edit note" } else { "Write a note" }}</summary>
            <form method="post" action="/api/save_note" class="note-form">
                <input type="hidden" name="kind" value=kind.as_str() />
                <input type="hidden" name="target_id" value=target_id.clone() />
                <label for="note-text">"Your note (Markdown)"</label>
                <textarea id="note-text" name="body" rows="8" maxlength=NOTE_MAX_BYTES>{crate::components::textarea_text::textarea_text(&body)}</textarea>
                <p class="muted small">
                    {format!("Up to {NOTE_MAX_BYTES} bytes. Save an empty note to delete it.")}
                </p>
                <button type="submit">"Save note"</button>
            </form>
        </details>
        <BookmarkButton kind=BookmarkKind::from(kind) target_id on=bookmarked what />
    }
}
