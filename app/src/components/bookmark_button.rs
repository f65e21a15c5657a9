//! A bookmark toggle: a plain form, so it works without JavaScript (the server sends the
//! browser back to the page). Used on question cards and in the note panel.

use domain::BookmarkKind;
use leptos::prelude::*;

/// `what` names the target in the button ("this question"); `on` is whether it is bookmarked.
#[component]
pub fn BookmarkButton(kind: BookmarkKind, target_id: String, on: bool, what: &'static str) -> impl IntoView {
    view! {
        <form method="post" action="/api/bookmark" class="bookmark-form">
            <input type="hidden" name="kind" value=kind.as_str() />
            <input type="hidden" name="target_id" value=target_id />
            <input type="hidden" name="on" value=if on { "false" } else { "true" } />
            <button type="submit" class="bookmark secondary" data-bookmarked=if on { "true" } else { "false" }>
                <span aria-hidden="true">{if on { "★ " } else { "☆ " }}</span>
                {if on { format!("Remove bookmark from {what}") } else { format!("Bookmark {what}") }}
            </button>
        </form>
    }
}
