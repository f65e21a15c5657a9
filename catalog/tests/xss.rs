//! The XSS corpus (`xss/payloads.txt`) through the renderer itself: every payload, as a
//! learner's note and as lesson Markdown, renders to Markdown's own elements only — no element
//! outside the allowlist, no event handler, no URL with a scheme other than http, https, mailto
//! or none. The same corpus goes through the web pages in `server/tests/xss.rs`.

#[path = "xss/scan.rs"]
mod scan;

use scan::{markdown_violations, parse_payloads};

fn corpus() -> Vec<scan::Payload> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/xss/payloads.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let payloads = parse_payloads(&text);
    assert!(payloads.len() >= 30, "the corpus has {} payloads", payloads.len());
    payloads
}

#[test]
fn every_payload_renders_harmless_as_a_note_and_as_lesson_markdown() {
    let mut failures = Vec::new();
    for p in corpus() {
        for (how, html) in
            [("note", catalog::render_note(&p.text)), ("markdown", catalog::render_markdown(&p.text).html)]
        {
            let found = markdown_violations(&html);
            if !found.is_empty() {
                failures.push(format!("{} as {how}: {found:?}\n  rendered: {html}", p.name));
            }
        }
    }
    assert!(failures.is_empty(), "{} unsafe renderings:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn payloads_keep_their_text_visible() {
    // Refusing to render is not the fix: the learner still reads what they wrote, as text (or
    // an image's alt text).
    for p in corpus() {
        let html = catalog::render_note(&p.text);
        let shown = scan::tokenize(&html).into_iter().any(|t| match t {
            scan::Token::Text(text) => !text.trim().is_empty(),
            scan::Token::Start { attrs, .. } => attrs.iter().any(|(a, v)| a == "alt" && !v.is_empty()),
            _ => false,
        });
        assert!(shown, "{} rendered to nothing a reader sees: {html:?}", p.name);
    }
    let html = catalog::render_note("<script>alert('xss-script')</script>");
    assert!(html.contains("&lt;script&gt;"), "raw HTML is shown as text: {html}");
}

#[test]
fn links_with_safe_schemes_keep_their_targets() {
    let html = catalog::render_note(
        "[a](https://go.dev/doc) [b](http://example.com) [c](mailto:ada@example.com) [d](/lessons/x) [e](#part) \
         <https://go.dev/ref/mem> www.example.com ![i](/pkg/x.png)",
    );
    for href in [
        "href=\"https://go.dev/doc\"",
        "href=\"http://example.com\"",
        "href=\"mailto:ada@example.com\"",
        "href=\"/lessons/x\"",
        "href=\"#part\"",
        "href=\"https://go.dev/ref/mem\"",
        "href=\"http://www.example.com\"",
        "src=\"/pkg/x.png\"",
    ] {
        assert!(html.contains(href), "{href} lost: {html}");
    }
    assert_eq!(markdown_violations(&html), Vec::<String>::new());
}
