//! Security headers over real HTTP: every page's Content-Security-Policy lets script run only from
//! this site or with the response's nonce, the nonce is on every `<script>` the page carries and
//! new on every response; everything that is not a page gets a policy that allows nothing; and
//! every response says nosniff, no framing and a same-origin referrer.

mod common;

use common::{Client, TestServer, first_lesson};

/// The nonce a page policy allows, checking the rest of the policy on the way.
fn page_nonce(path: &str, policy: &str) -> String {
    let directives: Vec<&str> = policy.split(';').map(str::trim).collect();
    let script = directives.iter().find(|d| d.starts_with("script-src ")).unwrap_or_else(|| panic!("{path}: {policy}"));
    let sources: Vec<&str> = script.split_whitespace().skip(1).collect();
    assert!(!sources.contains(&"'unsafe-inline'") && !sources.contains(&"'unsafe-eval'"), "{path}: {script}");
    assert!(!sources.iter().any(|s| *s == "*" || s.ends_with(':')), "{path}: scripts from anywhere: {script}");
    for wanted in ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'"] {
        assert!(directives.contains(&wanted), "{path}: no {wanted} in {policy}");
    }
    let nonce = sources
        .iter()
        .find_map(|s| s.strip_prefix("'nonce-").and_then(|n| n.strip_suffix('\'')))
        .unwrap_or_else(|| panic!("{path}: no nonce in {script}"));
    assert!(nonce.len() >= 16, "{path}: a nonce this short can be guessed: {nonce}");
    nonce.to_string()
}

/// Every `<script …>` opening tag in `html`.
fn script_tags(html: &str) -> Vec<&str> {
    let lower = html.to_ascii_lowercase();
    let mut tags = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find("<script") {
        let start = from + at;
        let end = start + lower[start..].find('>').expect("unclosed script tag");
        tags.push(&html[start..=end]);
        from = end;
    }
    tags
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    tag[at..].split('"').next()
}

struct Page {
    status: u16,
    policy: String,
    body: String,
    headers: reqwest::header::HeaderMap,
}

async fn fetch(c: &Client, path: &str) -> Page {
    let mut req = c.http.get(format!("{}{path}", c.base));
    if let Some(s) = &c.session {
        req = req.header("cookie", format!("prep_session={s}"));
    }
    let res = req.send().await.unwrap();
    let headers = res.headers().clone();
    let policy = headers
        .get("content-security-policy")
        .unwrap_or_else(|| panic!("{path}: no Content-Security-Policy"))
        .to_str()
        .unwrap()
        .to_string();
    Page { status: res.status().as_u16(), policy, body: res.text().await.unwrap(), headers }
}

fn assert_common_headers(path: &str, headers: &reqwest::header::HeaderMap) {
    assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
    assert_eq!(headers["x-frame-options"], "DENY", "{path}");
    assert_eq!(headers["referrer-policy"], "same-origin", "{path}");
}

/// The page's scripts all carry the policy's nonce; returns the nonce.
fn check_page(path: &str, page: &Page) -> String {
    assert!(
        page.headers["content-type"].to_str().unwrap().starts_with("text/html"),
        "{path}: {:?}",
        page.headers["content-type"]
    );
    assert_common_headers(path, &page.headers);
    let nonce = page_nonce(path, &page.policy);
    let tags = script_tags(&page.body);
    assert!(tags.iter().any(|t| attribute(t, "src").is_none()), "{path}: no inline hydration script found");
    for tag in tags {
        assert_eq!(attribute(tag, "nonce"), Some(nonce.as_str()), "{path}: script without the nonce: {tag}");
    }
    nonce
}

#[tokio::test]
async fn every_page_has_a_nonce_policy_that_its_scripts_carry() {
    let s = TestServer::start().await;
    let mut c = s.client();
    let (lesson, _) = first_lesson(&mut c).await;
    c.sign_up("ada", "correct horse").await;
    let problem = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../content/problems"))
        .unwrap()
        .filter_map(|e| e.ok())
        .find(|e| e.path().join("problem.toml").is_file())
        .map(|e| e.file_name().into_string().unwrap())
        .expect("a problem in content/problems");

    let pages = [
        "/".to_string(),
        format!("/lessons/{lesson}"),
        "/problems".to_string(),
        format!("/problems/{problem}"),
        "/review".to_string(),
        "/settings".to_string(),
        "/login".to_string(),
        "/signup".to_string(),
        "/notes".to_string(),
        "/search?q=x".to_string(),
        "/data".to_string(),
        "/dashboard".to_string(),
        "/no/such/page".to_string(),
        "/lessons/no-such-lesson".to_string(),
    ];
    let mut nonces = std::collections::HashSet::new();
    for path in &pages {
        let page = fetch(&c, path).await;
        let expected = if path.contains("no-such") || path.starts_with("/no/") { 404 } else { 200 };
        assert_eq!(page.status, expected, "{path}");
        assert!(nonces.insert(check_page(path, &page)), "{path}: a nonce was used twice");
    }
    // The same page twice: a new nonce each time.
    let a = check_page("/", &fetch(&c, "/").await);
    let b = check_page("/", &fetch(&c, "/").await);
    assert_ne!(a, b);
    s.stop().await;
}

#[tokio::test]
async fn a_visitor_sees_the_same_policy() {
    let s = TestServer::start().await;
    let c = s.client();
    for path in ["/", "/login", "/review", "/data"] {
        check_page(path, &fetch(&c, path).await);
    }
    s.stop().await;
}

#[tokio::test]
async fn what_is_not_a_page_allows_nothing() {
    let s = TestServer::start().await;
    let mut c = s.client();
    c.sign_up("ada", "correct horse").await;
    let strict = |path: &str, policy: &str| {
        let directives: Vec<&str> = policy.split(';').map(str::trim).collect();
        assert!(directives.contains(&"default-src 'none'"), "{path}: {policy}");
        assert!(directives.contains(&"frame-ancestors 'none'"), "{path}: {policy}");
        assert!(!policy.contains("'self'"), "{path}: {policy}");
    };
    for path in [
        "/pkg/prep.css",
        "/pkg/prep.js",
        "/pkg/no-such-file.js",
        "/api/export",
        "/api/export/anki.csv",
        "/api/submissions/999999/events",
    ] {
        let res = fetch(&c, path).await;
        assert_common_headers(path, &res.headers);
        strict(path, &res.policy);
    }
    // Server functions and the demo routes, answered with JSON or text.
    for (path, form) in [
        ("/api/me", vec![]),
        ("/api/login", vec![("username", "ada"), ("password", "nope")]),
        ("/api/demos/no-such-demo/runs", vec![]),
    ] {
        let mut req = c.http.post(s.url(path)).form(&form);
        if let Some(t) = &c.session {
            req = req.header("cookie", format!("prep_session={t}"));
        }
        let res = req.send().await.unwrap();
        assert!(res.status().as_u16() < 500, "{path}: {}", res.status());
        assert_common_headers(path, res.headers());
        strict(path, res.headers()["content-security-policy"].to_str().unwrap());
    }
    s.stop().await;
}
