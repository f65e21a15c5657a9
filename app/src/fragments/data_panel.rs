//! `/data`: a learner's data out (JSON, Anki) and in (the import form). Plain links and a plain
//! multipart form: all of it works without JavaScript.

use leptos::prelude::*;

#[component]
pub fn DataPanel(username: Option<String>, last: Option<(bool, String)>) -> impl IntoView {
    let who = username.unwrap_or_else(|| "your guest account".into());
    view! {
        {last.map(|(ok, text)| if ok {
            view! { <p class="notice import-result" role="status">{text}</p> }.into_any()
        } else {
            view! { <p class="error import-result" role="alert">{text}</p> }.into_any()
        })}
        <section aria-labelledby="export-heading">
            <h2 id="export-heading">"Export"</h2>
            <p>
                {format!("Everything of {who}: lessons, answers, ratings and reviews, notes, bookmarks, \
                          submissions with their code and verdicts, drafts and settings, as one JSON file. ")}
                "The format is versioned and documented with Prep (docs/export.md)."
            </p>
            <p><a class="button" href="/api/export" download>"Download my data"</a></p>
        </section>
        <section aria-labelledby="anki-heading">
            <h2 id="anki-heading">"Anki"</h2>
            <p>"Every discussion question of the course as an Anki deck (File → Import; the file sets the deck, \
                note type and tags). Importing a newer file updates the cards instead of duplicating them."</p>
            <ul>
                <li><a href="/api/export/anki.csv" download>"Question cards"</a></li>
                <li><a href="/api/export/anki.csv?answers=1" download>"Question cards with my own answers"</a></li>
            </ul>
        </section>
        <section aria-labelledby="import-heading">
            <h2 id="import-heading">"Import"</h2>
            <p>"Merge an export (from this server or another) into this account. Nothing is overwritten with \
                something older: a lesson keeps its further state, answers, notes and drafts the newer text, \
                and logs are joined without duplicates, so importing the same file twice changes nothing."</p>
            <form class="stack import-form" method="post" action="/api/import" enctype="multipart/form-data">
                <label for="import-file">"Export file (.json)"</label>
                <input id="import-file" name="file" type="file" accept=".json,application/json" required />
                <button type="submit">"Import"</button>
            </form>
        </section>
    }
}
