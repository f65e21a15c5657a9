//! Full-text search over the course: an in-memory SQLite FTS5 index built once at start-up.
//!
//! The course is read-only content, not learner data, so the index is its own database, apart
//! from the learners' (which may be Postgres): rebuilt from the catalog on every start, never
//! migrated, gone when the process ends.

use std::str::FromStr;
use std::sync::Mutex;

use domain::{MARK_END, MARK_START, SearchDocument, SearchKind, SearchQuery, Snippet};
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection, SqlitePool, SqlitePoolOptions};
use sqlx::{Connection, Row};

use crate::{Result, StoreError};

/// Porter stemming over Unicode words, so "goroutines" finds "goroutine" and "stealing" finds
/// "steal"; `remove_diacritics 2` lets "cafe" find "café".
const SCHEMA: &str = "CREATE VIRTUAL TABLE docs USING fts5(
    heading, prompt, context, body, kind UNINDEXED, title UNINDEXED, url UNINDEXED, heading_words UNINDEXED,
    tokenize = 'porter unicode61 remove_diacritics 2'
)";

/// bm25 weights of heading, prompt, context, body. A heading (or problem title) that names the
/// words is what a learner is looking for. A question's prompt is a whole sentence that often
/// names its topic in passing, so it counts less than a heading. The lesson's title is in
/// every one of its documents, so it counts only a little: enough to break ties in favour of
/// the lesson about the topic, not enough to lift a passing mention (tuned on
/// `tests/search_relevance.rs`).
const WEIGHTS: &str = "10.0, 4.0, 0.5, 1.0";

/// The body's column number, for `snippet()`.
const BODY_COLUMN: u32 = 3;

/// Words of context on each side of the matched words in a snippet.
const SNIPPET_TOKENS: u32 = 24;

/// Readers at once; searches take about a millisecond, so a few are plenty.
const READERS: u32 = 4;

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub kind: SearchKind,
    pub title: String,
    pub context: String,
    pub url: String,
    pub snippet: Snippet,
}

/// The index. Cheap to share behind an `Arc`; every search borrows a pooled connection.
pub struct SearchIndex {
    pool: SqlitePool,
    /// An in-memory database lives as long as one connection to it is open; this one is never
    /// handed out, so the pool may close and reopen its own freely.
    _keeper: Mutex<SqliteConnection>,
    documents: usize,
}

impl SearchIndex {
    /// Indexes `documents` in one transaction.
    pub async fn build(documents: &[SearchDocument]) -> Result<SearchIndex> {
        // `:memory:` names a fresh shared-cache database per options value; every connection
        // opened from these options (and its clones) sees the same one.
        let options = SqliteConnectOptions::from_str("sqlite::memory:")?;
        let mut keeper = SqliteConnection::connect_with(&options).await?;
        sqlx::query(SCHEMA).execute(&mut keeper).await?;
        let mut tx = keeper.begin().await?;
        for doc in documents {
            let title = unmarked(&doc.title);
            let (heading, prompt) = match doc.kind {
                SearchKind::Question => ("", title.as_str()),
                SearchKind::Section | SearchKind::Problem => (title.as_str(), ""),
            };
            sqlx::query(
                "INSERT INTO docs (heading, prompt, context, body, kind, title, url, heading_words)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )
            .bind(heading)
            .bind(prompt)
            .bind(unmarked(&doc.context))
            .bind(unmarked(&doc.body))
            .bind(doc.kind.as_str())
            .bind(&title)
            .bind(&doc.url)
            .bind(heading.split_whitespace().count() as i64)
            .execute(&mut *tx)
            .await?;
        }
        // One segment instead of many: faster queries for an index that never changes.
        sqlx::query("INSERT INTO docs (docs) VALUES ('optimize')").execute(&mut *tx).await?;
        tx.commit().await?;
        let pool = SqlitePoolOptions::new()
            .max_connections(READERS)
            .idle_timeout(None)
            .max_lifetime(None)
            .connect_with(options)
            .await?;
        Ok(SearchIndex { pool, _keeper: Mutex::new(keeper), documents: documents.len() })
    }

    /// How many documents the index holds.
    pub fn len(&self) -> usize {
        self.documents
    }

    pub fn is_empty(&self) -> bool {
        self.documents == 0
    }

    /// The best `limit` hits, best first, in tiers: hits whose heading names every term (a
    /// learner typing "goroutine leak" wants the section called "Goroutine leaks", not a longer
    /// one that says it more often), shortest heading first (a heading that names the words and
    /// little else is about exactly that: "Sagas" before the lesson titled with four topics);
    /// then hits containing every term; then, if that leaves room, hits containing some. bm25
    /// orders the rest of each tier. An empty query finds nothing.
    pub async fn search(&self, query: &SearchQuery, limit: u32) -> Result<Vec<SearchHit>> {
        if query.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let phrases: Vec<String> = query.terms().iter().map(|t| phrase(t)).collect();
        let all = phrases.join(" AND ");
        // The first tier matches `all` too, restricted to rows whose heading matches: the
        // snippet then marks the words in the body, which a heading-only match would not.
        let headed = format!("{{heading}} : ({all})");
        let mut tiers = vec![(all.clone(), Some(headed)), (all, None)];
        if phrases.len() > 1 {
            tiers.push((phrases.join(" OR "), None));
        }
        let mut hits: Vec<(i64, SearchHit)> = Vec::new();
        for (expression, within) in tiers {
            if hits.len() == limit as usize {
                break;
            }
            for (rowid, hit) in self.run(&expression, within.as_deref(), limit).await? {
                if hits.len() == limit as usize {
                    break;
                }
                if !hits.iter().any(|(r, _)| *r == rowid) {
                    hits.push((rowid, hit));
                }
            }
        }
        Ok(hits.into_iter().map(|(_, h)| h).collect())
    }

    /// Rows matching `expression`, best first; with `within`, only rows whose heading matches
    /// it, shortest heading first.
    async fn run(&self, expression: &str, within: Option<&str>, limit: u32) -> Result<Vec<(i64, SearchHit)>> {
        let (restrict, first) = match within {
            Some(_) => ("AND rowid IN (SELECT rowid FROM docs WHERE docs MATCH ?5)", "heading_words,"),
            None => ("", ""),
        };
        let sql = format!(
            "SELECT rowid, kind, title, context, url, snippet(docs, {BODY_COLUMN}, ?1, ?2, '…', {SNIPPET_TOKENS}) AS snippet
             FROM docs WHERE docs MATCH ?3 {restrict} ORDER BY {first} bm25(docs, {WEIGHTS}), rowid LIMIT ?4"
        );
        let mut query = sqlx::query(&sql)
            .bind(MARK_START.to_string())
            .bind(MARK_END.to_string())
            .bind(expression)
            .bind(i64::from(limit));
        if let Some(within) = within {
            query = query.bind(within);
        }
        let rows = query.fetch_all(&self.pool).await?;
        rows.into_iter()
            .map(|row| {
                let kind: String = row.try_get("kind")?;
                let hit = SearchHit {
                    kind: kind.parse().map_err(StoreError::corrupt)?,
                    title: row.try_get("title")?,
                    context: row.try_get("context")?,
                    url: row.try_get("url")?,
                    snippet: Snippet(row.try_get("snippet")?),
                };
                Ok((row.try_get("rowid")?, hit))
            })
            .collect()
    }
}

/// A term as an FTS5 string: matched as the words it contains, in order (`sync.Pool` is the
/// phrase "sync pool"), with no operator or syntax of the query language applying to it.
fn phrase(term: &str) -> String {
    format!("\"{}\"", term.replace('"', "\"\""))
}

/// Content never contains the snippet markers, so only the index's own highlighting does.
fn unmarked(text: &str) -> String {
    text.replace([MARK_START, MARK_END], "")
}
