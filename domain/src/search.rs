//! Full-text search's shared values: what a document is ([`SearchKind`], [`SearchDocument`]),
//! a learner's query made safe to run ([`SearchQuery`]), and a hit's excerpt ([`Snippet`]),
//! which becomes HTML only through [`Snippet::to_html`].

use crate::parse::string_enum;

/// What a search hit points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SearchKind {
    /// A part of a lesson, from one heading to the next (or the lesson's opening).
    Section,
    /// A discussion question: its prompt and model answer.
    Question,
    /// A problem's title and statement.
    Problem,
}

string_enum!(SearchKind, "search kind", { Section => "section", Question => "question", Problem => "problem" });

impl SearchKind {
    /// The badge a results page shows.
    pub const fn label(self) -> &'static str {
        match self {
            SearchKind::Section => "Lesson",
            SearchKind::Question => "Question",
            SearchKind::Problem => "Problem",
        }
    }
}

/// One searchable piece of the course, as plain text (no markup).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchDocument {
    pub kind: SearchKind,
    /// A heading, a question's prompt, a problem's title: weighted above the body.
    pub title: String,
    /// Where it lives, shown next to the title: the lesson's title, say.
    pub context: String,
    /// Where a hit links to: `/lessons/<id>#<anchor>`, `/problems/<id>`.
    pub url: String,
    pub body: String,
}

/// The longest query accepted, in characters; longer ones are refused with a message rather
/// than cut, so the learner knows what was searched.
pub const SEARCH_QUERY_MAX_CHARS: usize = 200;

/// A learner's query split into terms. Each term is searched as a literal phrase, so the
/// query language of the index (quotes, `NEAR`, `*`, `-`, parentheses) never applies to what
/// a learner types.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchQuery {
    text: String,
    terms: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SearchQueryError {
    #[error("Search for at most {SEARCH_QUERY_MAX_CHARS} characters (this query has {0}).")]
    TooLong(usize),
}

impl SearchQuery {
    /// Splits at whitespace; a term without a letter or digit (`*`, `-`, `"`) cannot match
    /// a word and is dropped. An empty or all-punctuation query parses to one with no terms.
    pub fn parse(raw: &str) -> Result<SearchQuery, SearchQueryError> {
        let text = raw.trim();
        let chars = text.chars().count();
        if chars > SEARCH_QUERY_MAX_CHARS {
            return Err(SearchQueryError::TooLong(chars));
        }
        // Control characters separate words too: a NUL inside a term would end SQLite's
        // full-text query early (an unterminated phrase, a 500).
        let terms = text
            .split(|c: char| c.is_whitespace() || c.is_control())
            .filter(|t| t.chars().any(char::is_alphanumeric))
            .map(str::to_string)
            .collect();
        Ok(SearchQuery { text: text.to_string(), terms })
    }

    /// What the learner typed, trimmed (for "no results for …").
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// Marks where a snippet's matched words start and end: Unicode private-use characters, which
/// the index strips from content, so only the index can put them in a snippet.
pub const MARK_START: char = '\u{E000}';
pub const MARK_END: char = '\u{E001}';

/// A hit's excerpt: plain text with the matched words between [`MARK_START`] and [`MARK_END`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet(pub String);

impl Snippet {
    /// The excerpt as HTML: every character of content escaped, the markers (and only they)
    /// turned into `<mark>` elements, unbalanced ones closed or dropped.
    pub fn to_html(&self) -> String {
        let mut html = String::with_capacity(self.0.len() + 16);
        let mut open = false;
        for c in self.0.chars() {
            match c {
                MARK_START if !open => {
                    html.push_str("<mark>");
                    open = true;
                }
                MARK_END if open => {
                    html.push_str("</mark>");
                    open = false;
                }
                MARK_START | MARK_END => {}
                '&' => html.push_str("&amp;"),
                '<' => html.push_str("&lt;"),
                '>' => html.push_str("&gt;"),
                '"' => html.push_str("&quot;"),
                '\'' => html.push_str("&#39;"),
                c => html.push(c),
            }
        }
        if open {
            html.push_str("</mark>");
        }
        html
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_separate_terms() {
        let q = SearchQuery::parse("go\0routine\u{1}leak").unwrap();
        assert_eq!(q.terms(), ["go", "routine", "leak"]);
    }

    #[test]
    fn terms_keep_their_punctuation_and_drop_punctuation_only_ones() {
        let q = SearchQuery::parse("  sync.Pool  GC * - \" ) NEAR( 2PC ").unwrap();
        assert_eq!(q.terms(), ["sync.Pool", "GC", "NEAR(", "2PC"]);
        assert_eq!(q.text(), "sync.Pool  GC * - \" ) NEAR( 2PC");
    }

    #[test]
    fn empty_and_punctuation_only_queries_have_no_terms() {
        for raw in ["", "   ", "* - \" ()"] {
            assert!(SearchQuery::parse(raw).unwrap().is_empty(), "{raw:?}");
        }
    }

    #[test]
    fn an_overlong_query_is_refused_with_its_length() {
        let raw = "é".repeat(SEARCH_QUERY_MAX_CHARS + 1);
        let err = SearchQuery::parse(&raw).unwrap_err();
        assert_eq!(err, SearchQueryError::TooLong(SEARCH_QUERY_MAX_CHARS + 1));
        assert!(err.to_string().contains("at most 200 characters"), "{err}");
        assert!(SearchQuery::parse(&"é".repeat(SEARCH_QUERY_MAX_CHARS)).is_ok());
    }

    #[test]
    fn snippets_escape_content_and_mark_only_the_markers() {
        let s = Snippet(format!("a <script>&\"'{MARK_START}hit{MARK_END} {MARK_END}open{MARK_START}tail"));
        assert_eq!(s.to_html(), "a &lt;script&gt;&amp;&quot;&#39;<mark>hit</mark> open<mark>tail</mark>");
    }

    #[test]
    fn kinds_round_trip() {
        for k in SearchKind::ALL {
            assert_eq!(k.as_str().parse::<SearchKind>().unwrap(), *k);
        }
    }
}
