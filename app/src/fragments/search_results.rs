//! The results of `/search`, rendered on the server by `search_html`.

use leptos::prelude::*;

use crate::api::SearchHitView;

#[component]
pub fn SearchHint() -> impl IntoView {
    view! {
        <p class="search-hint">
            "Type a word or two in the search box above: a topic (“work stealing”), a name (“sync.Pool”), a problem. "
            "Press "<kbd>"/"</kbd>" on any page to jump to the box."
        </p>
    }
}

/// `capped`: the search stopped at its limit, so there may be more than `hits`.
#[component]
pub fn SearchResults(query: String, hits: Vec<SearchHitView>, capped: bool) -> impl IntoView {
    if hits.is_empty() {
        return view! {
            <p class="search-count" role="status">{format!("No results for “{query}”.")}</p>
            <p class="search-hint">"Try fewer or more general words, or another spelling."</p>
        }
        .into_any();
    }
    let count = match hits.len() {
        1 => format!("1 result for “{query}”"),
        n if capped => format!("The best {n} results for “{query}”"),
        n => format!("{n} results for “{query}”"),
    };
    view! {
        <p class="search-count" role="status">{count}</p>
        <ol class="search-results">
            {hits
                .into_iter()
                .map(|h| {
                    // A lesson's opening is titled with the lesson's own title.
                    let context = (h.context != h.title).then_some(h.context);
                    view! {
                        <li class="search-hit" data-kind=h.kind.as_str()>
                            <p class="search-hit-head">
                                <span class=format!("badge kind-{}", h.kind.as_str())>{h.kind.label()}</span>
                                // A full page load: the browser then scrolls to the heading once
                                // the lesson is there, which a client-side navigation (rendering
                                // the lesson after the URL changed) does not.
                                <a href=h.url rel="external">{h.title}</a>
                            </p>
                            {context.map(|c| view! { <p class="search-context">{c}</p> })}
                            <p class="search-snippet" inner_html=h.snippet_html></p>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
    .into_any()
}
