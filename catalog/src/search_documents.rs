//! The course as plain-text documents for full-text search: every lesson cut at its `##` and
//! `###` headings (each part links to its heading's anchor, the opening to the lesson), every
//! discussion question, every problem's statement.
//!
//! The text comes from the HTML the catalog already rendered, so a hit's anchor is the very id
//! the lesson page shows, and Markdown syntax never leaks into what is searched or quoted.

use domain::{SearchDocument, SearchKind};

use crate::model::{Catalog, Lesson};

/// The heading the loader gives each problem's starter code: code, not prose, so not searched.
const STARTER_HEADING: &str = "Starter code:";

impl Catalog {
    /// Lessons' sections and questions in course order, then problems by id.
    pub fn search_documents(&self) -> Vec<SearchDocument> {
        let mut docs = Vec::new();
        for lesson in &self.lessons {
            lesson_sections(lesson, &mut docs);
            for q in &lesson.questions {
                docs.push(SearchDocument {
                    kind: SearchKind::Question,
                    title: collapse(&html_to_text(&q.prompt_html)),
                    context: lesson.title.clone(),
                    url: format!("/lessons/{}#q-{}", lesson.id, q.id),
                    body: collapse(&html_to_text(&q.answer_html)),
                });
            }
        }
        let mut problems: Vec<_> = self.problems.values().collect();
        problems.sort_by(|a, b| a.id.cmp(&b.id));
        for p in problems {
            let statement = split_at_headings(&p.body_html)
                .into_iter()
                .take_while(|part| !part.heading.as_deref().is_some_and(|h| h.starts_with(STARTER_HEADING)))
                .map(|part| [part.heading.unwrap_or_default(), part.text].join(" "))
                .collect::<Vec<_>>()
                .join(" ");
            let context = p.lesson.as_ref().and_then(|l| self.lesson(l.as_str())).map(|l| l.title.clone());
            docs.push(SearchDocument {
                kind: SearchKind::Problem,
                title: p.title.clone(),
                context: context.unwrap_or_else(|| "Problem".to_string()),
                url: format!("/problems/{}", p.id),
                body: collapse(&statement),
            });
        }
        docs
    }
}

fn lesson_sections(lesson: &Lesson, docs: &mut Vec<SearchDocument>) {
    let parts = split_at_headings(&lesson.html);
    let headed = parts.iter().filter(|p| p.heading.is_some()).count();
    // The table of contents lists the same `##`/`###` headings in the same order; if it ever
    // does not, a hit still lands on its lesson rather than on a wrong anchor.
    let anchors_match = headed == lesson.toc.len();
    let mut toc = lesson.toc.iter();
    for part in parts {
        let (title, url) = match part.heading {
            None => (lesson.title.clone(), format!("/lessons/{}", lesson.id)),
            Some(heading) => {
                let entry = toc.next().filter(|_| anchors_match);
                let url = match entry {
                    Some(t) => format!("/lessons/{}#{}", lesson.id, t.anchor),
                    None => format!("/lessons/{}", lesson.id),
                };
                (collapse(&heading), url)
            }
        };
        // The opening also carries what the page shows before the text (summary, takeaways)
        // and the ids in its links (the lesson's, its demos' and problems'), which name topics
        // the prose may not spell out, like "gmp".
        let body = if url.contains('#') {
            collapse(&part.text)
        } else {
            let ids = std::iter::once(&lesson.id).chain(lesson.demos.iter().chain(&lesson.problems).map(|l| &l.id));
            let ids = ids.map(|id| id.as_str()).collect::<Vec<_>>().join(" ");
            collapse(&format!("{} {} {} {ids}", lesson.summary, lesson.takeaways.join(" "), part.text))
        };
        // A heading directly followed by a subheading has nothing of its own to find.
        if body.is_empty() {
            continue;
        }
        docs.push(SearchDocument { kind: SearchKind::Section, title, context: lesson.title.clone(), url, body });
    }
}

struct Part {
    /// `None` for what comes before the first heading.
    heading: Option<String>,
    text: String,
}

/// Cuts rendered HTML at its `<h2>` and `<h3>` elements; each part's text is plain, entities
/// decoded. Deeper headings stay in their part's text. The first part, what comes before any
/// heading, is there even when empty.
fn split_at_headings(html: &str) -> Vec<Part> {
    let mut parts = vec![Part { heading: None, text: String::new() }];
    let mut in_heading = false;
    for token in Tokens(html) {
        match token {
            Token::Open(name) if name == "h2" || name == "h3" => {
                in_heading = true;
                parts.push(Part { heading: Some(String::new()), text: String::new() });
            }
            Token::Close(name) if in_heading && (name == "h2" || name == "h3") => in_heading = false,
            Token::Open(name) | Token::Close(name) => {
                // Block boundaries separate words; inline tags (`<code>`, highlighting spans)
                // sit inside words like `sync.Pool` and must not split them.
                if BLOCKS.contains(&name) {
                    let last = parts.last_mut().expect("parts starts non-empty");
                    last.text.push(' ');
                }
            }
            Token::Text(text) => {
                let last = parts.last_mut().expect("parts starts non-empty");
                let target = if in_heading { last.heading.get_or_insert_with(String::new) } else { &mut last.text };
                decode_entities_into(text, target);
            }
        }
    }
    parts
}

const BLOCKS: &[&str] = &[
    "p",
    "br",
    "li",
    "ul",
    "ol",
    "pre",
    "div",
    "blockquote",
    "table",
    "tr",
    "td",
    "th",
    "h1",
    "h4",
    "h5",
    "h6",
    "hr",
    "section",
    "dt",
    "dd",
    "details",
    "summary",
    "figcaption",
];

/// All the text of an HTML fragment.
fn html_to_text(html: &str) -> String {
    split_at_headings(html)
        .into_iter()
        .map(|p| [p.heading.unwrap_or_default(), p.text].join(" "))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs of whitespace become one space, so snippets read as sentences.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

enum Token<'a> {
    /// A start tag's lower-case name.
    Open(&'a str),
    Close(&'a str),
    Text(&'a str),
}

/// The tags and text of HTML the catalog rendered itself: every `<` in text is escaped as
/// `&lt;`, so a `<` always starts a tag (or a comment, which yields nothing).
struct Tokens<'a>(&'a str);

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let rest = self.0;
        if rest.is_empty() {
            return None;
        }
        if !rest.starts_with('<') {
            let end = rest.find('<').unwrap_or(rest.len());
            self.0 = &rest[end..];
            return Some(Token::Text(&rest[..end]));
        }
        let end = rest.find('>').map_or(rest.len(), |i| i + 1);
        self.0 = &rest[end..];
        let inner = rest[1..end].trim_end_matches('>');
        let (closing, inner) = match inner.strip_prefix('/') {
            Some(i) => (true, i),
            None => (false, inner),
        };
        let name_end = inner.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(inner.len());
        let name = &inner[..name_end];
        Some(if closing { Token::Close(name) } else { Token::Open(name) })
    }
}

fn decode_entities_into(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').filter(|&semi| semi <= 10).and_then(|semi| {
            let c = match &rest[1..semi] {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                num => num
                    .strip_prefix("#x")
                    .or_else(|| num.strip_prefix("#X"))
                    .map(|hex| u32::from_str_radix(hex, 16))
                    .or_else(|| num.strip_prefix('#').map(str::parse::<u32>))
                    .and_then(Result::ok)
                    .and_then(char::from_u32),
            }?;
            Some((c, semi + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::render_markdown;

    #[test]
    fn html_is_cut_at_second_and_third_level_headings() {
        let html = render_markdown(
            "Intro with `sync.Pool` &amp; <tags>.\n\n## Run queues\n\nLocal *ring*.\n\n#### Deep\n\nstill here\n\n### The `runnext` slot\n\n```go\nx := a < b\n```\n",
        )
        .html;
        let parts = split_at_headings(&html);
        let summary: Vec<_> = parts.iter().map(|p| (p.heading.as_deref(), collapse(&p.text))).collect();
        assert_eq!(
            summary,
            [
                (None, "Intro with sync.Pool & <tags>.".to_string()),
                (Some("Run queues"), "Local ring. Deep still here".to_string()),
                (Some("The runnext slot"), "x := a < b".to_string()),
            ]
        );
    }

    #[test]
    fn numeric_entities_decode_and_stray_ampersands_stay() {
        let mut out = String::new();
        decode_entities_into("a &#39;b&#x27; & c &bogus d &amp;", &mut out);
        assert_eq!(out, "a 'b' & c &bogus d &");
    }
}
