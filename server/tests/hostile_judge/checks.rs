//! What must hold for everything a learner is shown about a hostile submission: nothing of the
//! host leaks into it, and nothing the program (or the compiler quoting its code) printed turns
//! into markup.

/// What must never reach a learner.
pub struct Secrets {
    /// Planted in the server's environment and in files near the judge.
    pub marker: String,
    /// The scratch directory the compilers run in (its path tells how the host is laid out).
    pub scratch: String,
}

/// Markup the corpus prints; it may only ever appear escaped.
const RAW_MARKUP: &[&str] = &["<script>prep_xss", "<img src=x onerror", "</textarea></pre><script>", "</pre><script>"];

/// `what` (a report, a page, a stream) shows nothing it must not.
pub fn leaks(what: &str, text: &str, secrets: &Secrets) -> Vec<String> {
    let mut found = Vec::new();
    if text.contains(&secrets.marker) {
        found.push(format!("{what} contains the planted secret"));
    }
    if text.contains(&secrets.scratch) {
        found.push(format!("{what} contains the judge's scratch path {}", secrets.scratch));
    }
    // /etc/passwd's first line, wherever it came from.
    if text.contains("root:x:0:0") {
        found.push(format!("{what} contains /etc/passwd"));
    }
    found
}

/// HTML that carries printed markup unescaped.
pub fn raw_markup(what: &str, html: &str) -> Vec<String> {
    RAW_MARKUP
        .iter()
        .filter_map(|m| html.find(m).map(|at| format!("{what} has raw {m:?}: …{}…", excerpt(html, at))))
        .collect()
}

/// `text` as it reads inside an HTML text node.
pub fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn excerpt(text: &str, at: usize) -> &str {
    let mut start = at.saturating_sub(80);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (at + 120).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    &text[start..end]
}
