//! A small HTML tokenizer that reads markup the way a browser's tokenizer does (tags, quoted and
//! unquoted attributes, character references in attribute values, comments, raw-text elements
//! such as `<script>` and `<textarea>`), and the checks the XSS tests make on what it finds.
//!
//! No HTML parser crate is in the workspace; this one is strict where it matters: anything it
//! cannot place (an unknown character reference inside a URL, a comment in rendered Markdown)
//! counts as a violation rather than being waved through. Shared by the renderer's test in
//! `catalog/tests/` and the end-to-end test in `server/tests/`.

#![allow(dead_code)]

use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    Start {
        name: String,
        attrs: Vec<(String, String)>,
    },
    End {
        name: String,
    },
    Text(String),
    /// `<!-- … -->`, `<!…>`, `<?…>`: the browser makes a comment (or a doctype) of them.
    Comment(String),
}

/// Elements whose content is text up to their own end tag (raw text or RCDATA).
const RAW_TEXT: &[&str] = &["script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title"];

/// Elements without an end tag.
const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];

pub fn tokenize(html: &str) -> Vec<Token> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut text = String::new();
    let flush = |text: &mut String, out: &mut Vec<Token>| {
        if !text.is_empty() {
            out.push(Token::Text(std::mem::take(text)));
        }
    };
    while i < b.len() {
        if b[i] != b'<' {
            let next = html[i..].find('<').map_or(b.len(), |n| i + n);
            text.push_str(&html[i..next]);
            i = next;
            continue;
        }
        let rest = &b[i + 1..];
        match rest.first() {
            Some(c) if c.is_ascii_alphabetic() => {
                flush(&mut text, &mut out);
                let (token, end) = start_tag(html, i + 1);
                i = end;
                if let Token::Start { name, .. } = &token
                    && RAW_TEXT.contains(&name.as_str())
                {
                    let close = format!("</{name}");
                    let body_end = find_ascii_ci(html, i, &close).unwrap_or(b.len());
                    let name = name.clone();
                    out.push(token);
                    if body_end > i {
                        out.push(Token::Text(html[i..body_end].to_string()));
                    }
                    i = body_end;
                    if i < b.len() {
                        let gt = html[i..].find('>').map_or(b.len(), |n| i + n + 1);
                        out.push(Token::End { name });
                        i = gt;
                    }
                    continue;
                }
                out.push(token);
            }
            Some(b'/') if rest.get(1).is_some_and(|c| c.is_ascii_alphabetic()) => {
                flush(&mut text, &mut out);
                let name_end = html[i + 2..].find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>');
                let name_end = name_end.map_or(b.len(), |n| i + 2 + n);
                let name = html[i + 2..name_end].to_ascii_lowercase();
                i = html[name_end..].find('>').map_or(b.len(), |n| name_end + n + 1);
                out.push(Token::End { name });
            }
            Some(b'!') | Some(b'?') | Some(b'/') => {
                flush(&mut text, &mut out);
                let (body, end) = if rest.starts_with(b"!--") {
                    let from = i + 4;
                    match html[from..].find("-->") {
                        Some(n) => (&html[from..from + n], from + n + 3),
                        None => (&html[from..], b.len()),
                    }
                } else {
                    match html[i + 2..].find('>') {
                        Some(n) => (&html[i + 2..i + 2 + n], i + 2 + n + 1),
                        None => (&html[i + 2..], b.len()),
                    }
                };
                out.push(Token::Comment(body.to_string()));
                i = end;
            }
            _ => {
                text.push('<');
                i += 1;
            }
        }
    }
    flush(&mut text, &mut out);
    out
}

fn find_ascii_ci(haystack: &str, from: usize, needle: &str) -> Option<usize> {
    let h = haystack.as_bytes();
    let n = needle.as_bytes();
    (from..h.len().saturating_sub(n.len() - 1)).find(|&k| h[k..k + n.len()].eq_ignore_ascii_case(n))
}

/// A start tag beginning at `at` (just after `<`); returns it and where it ends.
fn start_tag(html: &str, at: usize) -> (Token, usize) {
    let b = html.as_bytes();
    let mut i = at;
    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    let name = html[at..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        if b[i] == b'>' {
            i += 1;
            break;
        }
        // An attribute name may start with `=`; it runs to whitespace, `/`, `>` or `=`.
        let name_start = i;
        i += 1;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let attr = html[name_start..i].to_ascii_lowercase();
        let mut j = i;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let mut value = String::new();
        if j < b.len() && b[j] == b'=' {
            j += 1;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            match b.get(j) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    let end = html[j + 1..].find(q as char).map_or(b.len(), |n| j + 1 + n);
                    value = decode_refs(&html[j + 1..end]);
                    j = (end + 1).min(b.len());
                }
                _ => {
                    let end = html[j..].find(|c: char| c.is_ascii_whitespace() || c == '>').map_or(b.len(), |n| j + n);
                    value = decode_refs(&html[j..end]);
                    j = end;
                }
            }
            i = j;
        }
        attrs.push((attr, value));
    }
    (Token::Start { name, attrs }, i)
}

/// Named references whose meaning the checks need; any other name inside a URL is reported.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("colon", ':'),
    ("tab", '\t'),
    ("newline", '\n'),
    ("lpar", '('),
    ("rpar", ')'),
    ("sol", '/'),
    ("period", '.'),
];

/// Unknown named references are kept as `&name;` with a NUL before them, so the URL check can
/// refuse them: a reference it cannot decode could hide a scheme.
fn decode_refs(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp + 1..];
        if let Some(num) = rest.strip_prefix('#') {
            let (digits, radix, skip) = match num.strip_prefix(['x', 'X']) {
                Some(hex) => (hex.chars().take_while(|c| c.is_ascii_hexdigit()).collect::<String>(), 16, 2),
                None => (num.chars().take_while(|c| c.is_ascii_digit()).collect::<String>(), 10, 1),
            };
            if digits.is_empty() {
                out.push('&');
                continue;
            }
            let c = u32::from_str_radix(&digits, radix).ok().and_then(char::from_u32).unwrap_or('\u{fffd}');
            out.push(c);
            rest = &rest[skip + digits.len()..];
            rest = rest.strip_prefix(';').unwrap_or(rest);
            continue;
        }
        let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        match NAMED.iter().find(|(n, _)| n.eq_ignore_ascii_case(&name)) {
            Some((_, c)) if !name.is_empty() => {
                out.push(*c);
                rest = &rest[name.len()..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
            }
            _ if name.is_empty() => out.push('&'),
            _ => {
                out.push('\0');
                out.push('&');
            }
        }
    }
    out.push_str(rest);
    out
}

/// What a browser takes as the URL's scheme: leading and trailing C0 controls and spaces are
/// dropped and tabs and newlines removed before it looks for `scheme:`. `None`: relative.
pub fn scheme(url: &str) -> Option<String> {
    let trimmed = url.trim_matches(|c: char| c <= ' ');
    let cleaned: String = trimmed.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let colon = cleaned.find(':')?;
    let candidate = &cleaned[..colon];
    let mut chars = candidate.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        .then(|| candidate.to_ascii_lowercase())
}

/// Attributes that hold a URL a browser may load or navigate to.
const URL_ATTRS: &[&str] =
    &["href", "src", "action", "formaction", "poster", "data", "xlink:href", "background", "cite", "srcset", "ping"];

/// Schemes a learner's text may link to.
const SAFE_SCHEMES: &[&str] = &["http", "https", "mailto"];

fn url_violation(attr: &str, value: &str) -> Option<String> {
    if !URL_ATTRS.contains(&attr) {
        return None;
    }
    if value.contains('\0') {
        return Some(format!("{attr} holds a character reference the check cannot decode: {value:?}"));
    }
    match scheme(value) {
        Some(s) if !SAFE_SCHEMES.contains(&s.as_str()) => Some(format!("{attr} with scheme {s}: {value:?}")),
        _ => None,
    }
}

/// Elements Markdown rendering may produce.
pub const MARKDOWN_ELEMENTS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "img",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "span",
    "blockquote",
    "ul",
    "ol",
    "li",
    "input",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
    "br",
    "sup",
    "section",
];

/// Attributes Markdown rendering may produce.
pub const MARKDOWN_ATTRS: &[&str] = &[
    "href",
    "src",
    "alt",
    "title",
    "id",
    "class",
    "tabindex",
    "type",
    "checked",
    "disabled",
    "align",
    "start",
    "aria-label",
    "aria-hidden",
    "data-footnote-ref",
    "data-footnotes",
    "data-footnote-backref",
    "data-footnote-backref-idx",
    "data-heading-content",
];

/// Everything wrong with HTML that should be nothing but rendered Markdown: elements and
/// attributes outside the allowlists, event handlers, URLs with other schemes, comments.
pub fn markdown_violations(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for token in tokenize(html) {
        match token {
            Token::Start { name, attrs } => {
                if !MARKDOWN_ELEMENTS.contains(&name.as_str()) {
                    found.push(format!("element <{name}>"));
                }
                for (attr, value) in &attrs {
                    if attr.starts_with("on") {
                        found.push(format!("event handler {attr}={value:?} on <{name}>"));
                    } else if !MARKDOWN_ATTRS.contains(&attr.as_str()) {
                        found.push(format!("attribute {attr} on <{name}>"));
                    }
                    found.extend(url_violation(attr, value));
                }
                if name == "input" && !attrs.iter().any(|(a, _)| a == "disabled") {
                    found.push("an enabled <input>".to_string());
                }
            }
            Token::End { name } if !MARKDOWN_ELEMENTS.contains(&name.as_str()) => {
                found.push(format!("end tag </{name}>"));
            }
            Token::Comment(c) => found.push(format!("comment or declaration <!{c}>")),
            _ => {}
        }
    }
    found
}

/// Everything wrong with a whole page or fragment made by the app around learner text: event
/// handlers and unsafe URLs anywhere (the app itself uses neither).
pub fn page_violations(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for token in tokenize(html) {
        if let Token::Start { name, attrs } = token {
            for (attr, value) in &attrs {
                if attr.starts_with("on") {
                    found.push(format!("event handler {attr}={value:?} on <{name}>"));
                }
                // The shell's `<link rel="icon" href="data:,">`: an empty document, nothing to run.
                if value != "data:," {
                    found.extend(url_violation(attr, value));
                }
                if attr == "srcdoc" {
                    found.push(format!("srcdoc on <{name}>"));
                }
            }
        }
    }
    found
}

/// How many of each element a page has, with `<script>` and `<style>` keyed by their
/// attribute names too: learner text must not add any element the app did not put there
/// (beyond Markdown's own), nor change a script.
pub fn element_census(html: &str) -> BTreeMap<String, usize> {
    let mut census = BTreeMap::new();
    for token in tokenize(html) {
        if let Token::Start { name, attrs } = token {
            let key = if matches!(name.as_str(), "script" | "style" | "link" | "meta" | "base") {
                let mut names: Vec<&str> = attrs.iter().map(|(a, _)| a.as_str()).collect();
                names.sort_unstable();
                format!("{name}[{}]", names.join(","))
            } else {
                name
            };
            *census.entry(key).or_insert(0) += 1;
        }
    }
    census
}

/// The elements in `page` that `baseline` (the same page without the learner's text) does not
/// have, and that Markdown could not have made. Scripts with a nonce are left to
/// `scripts_without_nonce`: how many chunks of hydration data Leptos streams varies with timing.
pub fn foreign_elements(baseline: &str, page: &str) -> Vec<String> {
    let before = element_census(baseline);
    element_census(page)
        .into_iter()
        .filter(|(name, _)| name != "script[nonce]")
        .filter(|(name, n)| before.get(name).copied().unwrap_or(0) < *n && !MARKDOWN_ELEMENTS.contains(&name.as_str()))
        .map(|(name, n)| format!("{n} × <{name}> (baseline {})", before.get(&name).copied().unwrap_or(0)))
        .collect()
}

/// Every `<script>` whose nonce is not `nonce` (the one in the response's Content-Security-Policy):
/// a script the page did not put there itself.
pub fn scripts_without_nonce(html: &str, nonce: Option<&str>) -> Vec<String> {
    let mut found = Vec::new();
    for token in tokenize(html) {
        if let Token::Start { name, attrs } = token
            && name == "script"
        {
            let has = attrs.iter().find(|(a, _)| a == "nonce").map(|(_, v)| v.as_str());
            if has.is_none() || has != nonce {
                found.push(format!("<script> with nonce {has:?}, the policy's is {nonce:?}: {attrs:?}"));
            }
        }
    }
    found
}

/// The nonce a Content-Security-Policy header allows scripts by (`'nonce-…'`).
pub fn policy_nonce(policy: &str) -> Option<String> {
    let at = policy.find("'nonce-")? + "'nonce-".len();
    policy[at..].split('\'').next().map(str::to_string)
}

/// The inner HTML of every element whose `class` has `class_name`, as the tokens say (so a
/// payload that closed the element early shows up as content outside it, caught by the
/// census).
pub fn inner_html_of_class(html: &str, class_name: &str) -> Vec<String> {
    let tokens = tokenize(html);
    let mut found = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        let opens = matches!(&tokens[k], Token::Start { attrs, .. }
            if attrs.iter().any(|(a, v)| a == "class" && v.split_ascii_whitespace().any(|c| c == class_name)));
        if !opens {
            k += 1;
            continue;
        }
        let mut depth = 0usize;
        let mut inner = String::new();
        let mut j = k;
        while j < tokens.len() {
            match &tokens[j] {
                Token::Start { name, .. } if !VOID.contains(&name.as_str()) => depth += 1,
                Token::End { .. } => depth = depth.saturating_sub(1),
                _ => {}
            }
            if j > k && depth == 0 {
                break;
            }
            if j > k {
                inner.push_str(&render(&tokens[j]));
            }
            j += 1;
        }
        found.push(inner);
        k = j + 1;
    }
    found
}

/// A token written back as markup (attribute values re-escaped).
fn render(token: &Token) -> String {
    match token {
        Token::Start { name, attrs } => {
            let mut s = format!("<{name}");
            for (a, v) in attrs {
                let v = v.replace('&', "&amp;").replace('"', "&quot;").replace('\0', "&#0;");
                s.push_str(&format!(" {a}=\"{v}\""));
            }
            s.push('>');
            s
        }
        Token::End { name } => format!("</{name}>"),
        Token::Text(t) => t.clone(),
        Token::Comment(c) => format!("<!--{c}-->"),
    }
}

/// One payload of the corpus.
pub struct Payload {
    pub name: String,
    pub text: String,
}

/// The corpus file's format: a line `@@ name` starts an entry, the lines up to the next one are
/// its text (trailing blank lines dropped). `\u{…}` stands for any character (control
/// characters, tabs) that should not sit raw in a text file. Lines before the first entry are
/// comments.
pub fn parse_payloads(file: &str) -> Vec<Payload> {
    let mut out: Vec<Payload> = Vec::new();
    for line in file.lines() {
        if let Some(name) = line.strip_prefix("@@ ") {
            out.push(Payload { name: name.trim().to_string(), text: String::new() });
        } else if let Some(p) = out.last_mut() {
            p.text.push_str(line);
            p.text.push('\n');
        }
    }
    for p in &mut out {
        p.text = unescape(p.text.trim_end_matches('\n'));
    }
    out
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(at) = rest.find("\\u{") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 3..];
        let Some(close) = after.find('}') else { break };
        let c = u32::from_str_radix(&after[..close], 16).ok().and_then(char::from_u32);
        let c = c.unwrap_or_else(|| panic!("bad escape \\u{{{}}} in the payload file", &after[..close]));
        out.push(c);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod self_test {
    use super::*;

    #[test]
    fn the_scanner_finds_what_a_browser_would_run() {
        let bad = [
            "<p>hi</p><script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"&#106;avascript:alert(1)\">x</a>",
            "<a href=\"java&Tab;script:alert(1)\">x</a>",
            "<a href=' \u{1}javascript:alert(1)'>x</a>",
            "<a href=javascript&colon;alert(1)>x</a>",
            "<a href=\"data:text/html,x\">x</a>",
            "<a href=\"&weird;javascript:alert(1)\">x</a>",
            "<svg/onload=alert(1)>",
            "<p title=\"a\" style=\"x\">",
            "<!-- hidden -->",
            "<input type=\"checkbox\">",
        ];
        for html in bad {
            assert!(!markdown_violations(html).is_empty(), "missed: {html}");
        }
        let good = "<h2><a href=\"#note-x\" aria-hidden=\"true\" class=\"anchor\" id=\"note-x\"></a>X</h2>\n\
                    <p>a &lt;script&gt; <a href=\"https://example.com/?a=1&amp;b=2\" title=\"t\">l</a> \
                    <a href=\"/lessons/x\">r</a> <a href=\"mailto:a@b.c\">m</a> 1 &lt; 2</p>";
        assert_eq!(markdown_violations(good), Vec::<String>::new());
    }

    #[test]
    fn raw_text_elements_hide_their_content_until_their_end_tag() {
        let tokens = tokenize("<textarea><script>x</script></TextArea><b>");
        assert_eq!(tokens.len(), 4, "{tokens:?}");
        assert!(matches!(&tokens[1], Token::Text(t) if t == "<script>x</script>"));
        assert!(matches!(&tokens[3], Token::Start { name, .. } if name == "b"));
        let census = element_census("<script src=\"/a.js\"></script><script>var a='</scr'+'ipt>'</script>");
        assert_eq!(census.get("script[src]"), Some(&1));
        assert_eq!(census.get("script[]"), Some(&1));
    }

    #[test]
    fn inner_html_follows_nesting() {
        let html = "<div class=\"note-body prose\"><p>a <em>b</em></p><br></div><p>after</p>";
        assert_eq!(inner_html_of_class(html, "note-body"), ["<p>a <em>b</em></p><br>"]);
    }

    #[test]
    fn schemes_are_read_as_a_browser_reads_them() {
        assert_eq!(scheme(" \u{1}JaVa\tScRipt:alert(1)").as_deref(), Some("javascript"));
        assert_eq!(scheme("/lessons/x"), None);
        assert_eq!(scheme("#frag"), None);
        assert_eq!(scheme("%6Aavascript:alert(1)"), None, "a percent escape is no scheme");
        assert_eq!(scheme("a/b:c"), None);
    }
}
