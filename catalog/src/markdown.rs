//! Markdown → HTML with comrak: GFM, footnotes, heading anchors, raw HTML escaped, code
//! highlighted on the server, and a table of contents built from the same anchors.

use comrak::nodes::NodeValue;
use comrak::options::Plugins;
use comrak::{Anchorizer, Arena, Options, format_html_with_plugins, parse_document};

use crate::highlight::Highlighter;
use crate::model::TocEntry;

pub struct Rendered {
    pub html: String,
    /// `##` and `###` headings, in order.
    pub toc: Vec<TocEntry>,
}

fn options() -> Options<'static> {
    let mut o = Options::default();
    o.extension.table = true;
    o.extension.tasklist = true;
    o.extension.strikethrough = true;
    o.extension.autolink = true;
    o.extension.footnotes = true;
    o.extension.header_id_prefix = Some(String::new());
    // Raw HTML in content is shown as text, never interpreted: content is data, not markup.
    o.render.r#unsafe = false;
    o.render.escape = true;
    o.render.tasklist_classes = true;
    o
}

pub fn render_markdown(markdown: &str) -> Rendered {
    render_with(markdown, options())
}

/// A learner's note: the lessons' settings (raw HTML shown as text, `javascript:` and other
/// dangerous links dropped), but heading ids start with `note-`, so a note's headings never
/// take the anchors of the lesson it is shown on.
pub fn render_note(markdown: &str) -> String {
    let mut options = options();
    options.extension.header_id_prefix = Some(NOTE_ANCHOR_PREFIX.to_string());
    options.extension.header_id_prefix_in_href = true;
    render_with(markdown, options).html
}

const NOTE_ANCHOR_PREFIX: &str = "note-";

fn render_with(markdown: &str, options: Options<'_>) -> Rendered {
    let arena = Arena::new();
    let root = parse_document(&arena, markdown, &options);
    drop_unsafe_targets(root);

    // comrak anchorizes every heading in document order; doing the same here yields the same ids.
    let mut anchorizer = Anchorizer::new();
    let mut toc = Vec::new();
    for node in root.descendants() {
        let level = match node.data().value {
            NodeValue::Heading(ref h) => h.level,
            _ => continue,
        };
        let text = node.collect_text();
        let anchor = anchorizer.anchorize(&text);
        if (2..=3).contains(&level) {
            toc.push(TocEntry { level, anchor, text });
        }
    }

    let highlighter = Highlighter;
    let mut plugins = Plugins::default();
    plugins.render.codefence_syntax_highlighter = Some(&highlighter);
    let mut html = String::new();
    // Writing into a String cannot fail.
    let _ = format_html_with_plugins(root, &options, &mut html, &plugins);
    Rendered { html, toc }
}

/// Schemes a link or image may use; a URL without a scheme (relative, `#anchor`) is fine too.
const SAFE_SCHEMES: &[&str] = &["http", "https", "mailto"];

/// comrak drops `javascript:`, `vbscript:`, `file:` and `data:` (except raster images) and lets
/// every other scheme through: `intent:`, `ms-msdt:`, app handlers that open programs, and
/// `data:image/…` pixels. Learner text (notes, imported files someone sent) gets an allowlist
/// instead: a link or image with any other scheme keeps its text and loses its target, the way
/// comrak treats the ones it knows.
fn drop_unsafe_targets<'a>(root: &'a comrak::nodes::AstNode<'a>) {
    for node in root.descendants() {
        let mut data = node.data_mut();
        if let NodeValue::Link(link) | NodeValue::Image(link) = &mut data.value
            && !scheme_is_safe(&link.url)
        {
            link.url.clear();
        }
    }
}

/// Reads the scheme the way a browser does: leading and trailing controls and spaces are
/// dropped and tabs and newlines removed first, so `\u{1}java\tscript:` is `javascript:`.
fn scheme_is_safe(url: &str) -> bool {
    let cleaned: String =
        url.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let Some((scheme, _)) = cleaned.split_once(':') else {
        return true;
    };
    let is_scheme = scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    // `a/b:c` or `?x=y:z` has no scheme: it is a relative URL.
    !is_scheme || SAFE_SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(scheme))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_anchors_that_match_the_toc() {
        let r = render_markdown("# Title\n\n## Run queues\n\ntext\n\n### The `runnext` slot\n\n## Run queues\n");
        let anchors: Vec<_> = r.toc.iter().map(|t| t.anchor.as_str()).collect();
        assert_eq!(anchors, ["run-queues", "the-runnext-slot", "run-queues-1"]);
        for a in anchors {
            assert!(r.html.contains(&format!("id=\"{a}\"")), "{a} missing in {}", r.html);
        }
        assert_eq!(r.toc[1].text, "The runnext slot");
        assert_eq!(r.toc[1].level, 3);
    }

    #[test]
    fn gfm_tables_tasklists_and_footnotes_render() {
        let r =
            render_markdown("| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\nSee[^1].\n\n[^1]: A note.\n");
        assert!(r.html.contains("<table>"), "{}", r.html);
        assert!(r.html.contains("type=\"checkbox\""), "{}", r.html);
        assert!(r.html.contains("footnote"), "{}", r.html);
    }

    #[test]
    fn raw_html_is_escaped() {
        let r = render_markdown("<script>alert(1)</script>\n\nand <b>inline</b>\n");
        assert!(!r.html.contains("<script>"), "{}", r.html);
        assert!(!r.html.contains("<b>"), "{}", r.html);
        assert!(r.html.contains("&lt;script&gt;"), "{}", r.html);
    }

    #[test]
    fn a_hostile_note_renders_harmless() {
        let html = render_note(concat!(
            "<script>alert(1)</script>\n\n",
            "<img src=x onerror=alert(2)>\n\n",
            "[click](javascript:alert(3)) and [data](data:text/html;base64,PHNjcmlwdD4=)\n\n",
            "![pic](javascript:alert(4))\n\n",
            "<a href=\"javascript:alert(5)\">raw link</a> and <iframe src=\"https://example.com\"></iframe>\n",
        ));
        // Every tag in the output is one Markdown made, never one from the note.
        for bad in [
            "<script",
            "<img src=x",
            "<iframe",
            "<a href=\"javascript",
            "href=\"javascript:",
            "href=\"data:",
            "src=\"javascript:",
        ] {
            assert!(!html.contains(bad), "{bad} survived: {html}");
        }
        assert!(html.contains("&lt;img src=x onerror=alert(2)&gt;"), "raw HTML is shown as text: {html}");
        assert!(html.contains("&lt;script&gt;"), "raw HTML is shown as text: {html}");
        assert!(html.contains(">click</a>"), "the link text stays, without its target: {html}");
    }

    #[test]
    fn only_web_and_mail_schemes_keep_their_targets() {
        for (url, safe) in [
            ("https://go.dev", true),
            ("HTTP://x", true),
            ("mailto:a@b.c", true),
            ("/lessons/x", true),
            ("#part", true),
            ("a/b:c", true),
            ("intent://scan/#Intent;end", false),
            ("data:image/png;base64,AAAA", false),
            ("\u{1}java\tscript:alert(1)", false),
            ("ms-msdt:/id", false),
        ] {
            assert_eq!(scheme_is_safe(url), safe, "{url}");
        }
        let html = render_note("[open](intent://scan/#Intent;end) ![px](data:image/png;base64,AAAA)");
        assert!(html.contains("<a href=\"\">open</a>") && html.contains("src=\"\""), "{html}");
    }

    #[test]
    fn a_notes_headings_do_not_take_the_lessons_anchors() {
        let html = render_note("## Run queues\n\n**bold** and `code`\n");
        assert!(html.contains("id=\"note-run-queues\"") && html.contains("href=\"#note-run-queues\""), "{html}");
        assert!(!html.contains("\"#run-queues\""), "{html}");
        assert!(html.contains("<strong>bold</strong>") && html.contains("<code>code</code>"), "{html}");
    }

    #[test]
    fn code_is_highlighted_for_the_languages_we_teach() {
        for (lang, code) in [
            ("go", "func main() { return }"),
            ("rust", "fn main() { let x = 1; }"),
            ("sql", "SELECT id FROM users WHERE id = 1;"),
            ("sh", "echo \"hi\" | grep h"),
            ("json", "{\"a\": 1}"),
            ("yaml", "key: value"),
        ] {
            let r = render_markdown(&format!("```{lang}\n{code}\n```\n"));
            assert!(r.html.contains("class=\"hl-"), "{lang} not highlighted: {}", r.html);
            assert!(r.html.contains(&format!("language-{lang}")), "{lang}: {}", r.html);
        }
    }

    #[test]
    fn unknown_languages_are_escaped_plain_text() {
        let r = render_markdown("```nosuchlang\n<tag> & more\n```\n");
        assert!(r.html.contains("&lt;tag&gt; &amp; more"), "{}", r.html);
    }

    #[test]
    fn info_string_words_after_the_language_do_not_change_highlighting() {
        let r = render_markdown("```go norun\nfunc main() {}\n```\n");
        assert!(r.html.contains("language-go"), "{}", r.html);
        assert!(r.html.contains("class=\"hl-"), "{}", r.html);
    }
}
