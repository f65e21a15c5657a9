//! The "My notes" page: the learner's notes (newest first, each rendered) and bookmarks grouped
//! by kind, each linking to its page. Something no longer in the course is listed as removed,
//! not dropped: the note is still the learner's.

use domain::BookmarkKind;
use leptos::prelude::*;

use crate::ssr::targets::Target;

pub struct Entry {
    /// The content id, shown when the target is gone.
    pub id: String,
    pub target: Option<Target>,
    /// `YYYY-MM-DD`: when the note was last saved, or the bookmark made.
    pub date: String,
}

pub struct MyNotesView {
    /// Each note's entry and its rendered HTML.
    pub notes: Vec<(Entry, String)>,
    /// Every kind, in order, with its bookmarks (possibly none).
    pub bookmarks: Vec<(BookmarkKind, Vec<Entry>)>,
}

#[component]
fn EntryLink(entry: Entry) -> impl IntoView {
    match entry.target {
        Some(t) => view! { <a href=t.href>{t.title}</a> }.into_any(),
        None => view! { <span class="removed">{format!("{} (removed from the course)", entry.id)}</span> }.into_any(),
    }
}

#[component]
pub fn MyNotes(view: MyNotesView) -> impl IntoView {
    let MyNotesView { notes, bookmarks } = view;
    let no_bookmarks = bookmarks.iter().all(|(_, b)| b.is_empty());
    view! {
        <section class="my-notes" aria-labelledby="notes-title">
            <h2 id="notes-title">"Notes"</h2>
            {notes.is_empty().then(|| view! {
                <p class="muted empty-hint">
                    "No notes yet. Every lesson and problem page has a “My note” box: what you write there shows up here."
                </p>
            })}
            {notes
                .into_iter()
                .map(|(entry, html)| {
                    let (date, datetime) = (entry.date.clone(), entry.date.clone());
                    view! {
                        <article class="note-entry">
                            <h3><EntryLink entry /></h3>
                            <p class="muted small">"Updated " <time datetime=datetime>{date}</time></p>
                            <div class="note-body prose" inner_html=html></div>
                        </article>
                    }
                })
                .collect_view()}
        </section>
        <section class="my-bookmarks" aria-labelledby="bookmarks-title">
            <h2 id="bookmarks-title">"Bookmarks"</h2>
            {no_bookmarks.then(|| view! {
                <p class="muted empty-hint">
                    "No bookmarks yet. Use “Bookmark” on a lesson, a question or a problem to find it here again."
                </p>
            })}
            {bookmarks
                .into_iter()
                .filter(|(_, entries)| !entries.is_empty())
                .map(|(kind, entries)| {
                    view! {
                        <h3>{kind.plural_label()}</h3>
                        <ul class="bookmark-list" data-kind=kind.as_str()>
                            {entries
                                .into_iter()
                                .map(|entry| {
                                    let prompt = entry.target.as_ref().and_then(|t| t.prompt_html.clone());
                                    view! {
                                        <li>
                                            <EntryLink entry />
                                            {prompt.map(|p| view! { <div class="muted small prompt" inner_html=p></div> })}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })
                .collect_view()}
        </section>
    }
}
