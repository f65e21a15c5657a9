//! Full-text search over the course (the index is `store::SearchIndex`, built at start-up).

use domain::SearchKind;
use leptos::prelude::*;

use super::ApiError;
#[cfg(feature = "ssr")]
use {
    super::respond,
    crate::ssr::{AppState, state::internal},
};

/// The most hits a search returns.
#[cfg(feature = "ssr")]
const MAX_HITS: u32 = 20;

/// One search result. `snippet_html` is escaped text with the matched words in `<mark>`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SearchHitView {
    pub kind: SearchKind,
    pub title: String,
    pub context: String,
    pub url: String,
    pub snippet_html: String,
}

/// The best hits for `q`, best first (none for an empty query).
#[server(endpoint = "search")]
pub async fn search(q: String) -> Result<Vec<SearchHitView>, ApiError> {
    respond(async { run(&q).await.map(|(_, hits)| hits) }).await
}

/// `/search` as HTML: the number of results and each hit (kind, title link, where it is, the
/// snippet), or a hint for an empty query, or "no results for …".
#[server(endpoint = "search_html")]
pub async fn search_html(q: String) -> Result<String, ApiError> {
    use crate::fragments::search_results::{SearchHint, SearchResults};
    respond(async {
        let (query, hits) = run(&q).await?;
        if query.is_empty() {
            return Ok(view! { <SearchHint /> }.to_html());
        }
        let capped = hits.len() == MAX_HITS as usize;
        Ok(view! { <SearchResults query=query.text().to_string() hits capped /> }.to_html())
    })
    .await
}

#[cfg(feature = "ssr")]
async fn run(q: &str) -> Result<(domain::SearchQuery, Vec<SearchHitView>), ApiError> {
    let query = domain::SearchQuery::parse(q).map_err(|e| ApiError::bad_input(e.to_string()))?;
    let state = AppState::current()?;
    let hits = state.search.search(&query, MAX_HITS).await.map_err(internal("searching"))?;
    let hits = hits
        .into_iter()
        .map(|h| SearchHitView {
            kind: h.kind,
            title: h.title,
            context: h.context,
            url: h.url,
            snippet_html: h.snippet.to_html(),
        })
        .collect();
    Ok((query, hits))
}
