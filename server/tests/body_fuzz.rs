//! Fuzzes the request decoders: every POST endpoint (each server function under `/api/` and
//! the plain routes) gets random bytes, truncated and percent-garbled forms, invalid UTF-8,
//! huge, repeated, missing and unknown fields, wrong content types, JSON for forms and forms
//! for JSON, and bodies over the limits. The server must answer each with a status below 500
//! within a timeout, and still serve a page after each batch.
//!
//! Bounded in time: `PREP_FUZZ_SECS` per backend (default 10, so 20 s for both). Seeded:
//! the seed is printed; `PREP_FUZZ_SEED=<n>` replays a run.

mod common;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use common::endpoints::{PLAIN_POSTS, SERVER_FNS, assert_the_list_is_complete, fill};
use common::{Client, TestServer, first_lesson};
use prep_server::ServeConfig;
use store::Backend;

on_both_backends!(random_bodies_never_get_a_server_error, nul_characters_get_a_clear_refusal);

#[test]
fn every_post_endpoint_is_fuzzed() {
    assert_the_list_is_complete();
}

/// The per-request deadline: past it the server counts as hung.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// Requests between two health checks.
const BATCH: usize = 40;

/// splitmix64: small, seedable, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

fn seed() -> u64 {
    std::env::var("PREP_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64
    })
}

fn budget() -> Duration {
    let secs = std::env::var("PREP_FUZZ_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(10);
    Duration::from_secs(secs)
}

/// Values that have broken decoders somewhere: wrong types, overflow, controls, odd Unicode.
const ODD_VALUES: &[&str] = &[
    "",
    " ",
    "0",
    "-1",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "1e309",
    "NaN",
    "0x10",
    "true",
    "false",
    "maybe",
    "null",
    "[]",
    "{}",
    "\0",
    "a\0b",
    "\u{202e}evil\u{202c}",
    "\u{feff}",
    "\u{fffd}",
    "😀",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "%",
    "%%",
    "\r\n\r\n",
    "'; DROP TABLE users; --",
    "\" OR 1=1 --",
    "NEAR(a b)",
];

/// Percent sequences a form decoder has to cope with.
const PERCENT_GARBAGE: &[&str] =
    &["%", "%G1", "%zz", "%0", "%00", "%FF%FE", "%C3%28", "%E2%82", "%ED%A0%80", "%%25", "+%2B+"];

/// Content types sent instead of (or as) a form's.
const CONTENT_TYPES: &[Option<&str>] = &[
    Some("application/x-www-form-urlencoded"),
    Some("application/x-www-form-urlencoded; charset=latin1"),
    Some("application/json"),
    Some("text/plain"),
    Some("multipart/form-data"),
    Some("multipart/form-data; boundary=XyZ"),
    Some("application/octet-stream"),
    Some("application/cbor"),
    Some("*/*"),
    Some("application/x-www-form-urlencoded; boundary=\"; charset=\""),
    Some("form"),
    None,
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Strategy {
    Valid,
    RandomBytes,
    Truncated,
    PercentGarbage,
    InvalidUtf8,
    HugeField,
    OverBodyLimit,
    OverImportLimit,
    Repeated,
    Missing,
    Unknown,
    OddValues,
    BracketKeys,
    Json,
    WrongContentType,
}

const STRATEGIES: &[Strategy] = &[
    Strategy::Valid,
    Strategy::RandomBytes,
    Strategy::Truncated,
    Strategy::PercentGarbage,
    Strategy::InvalidUtf8,
    Strategy::HugeField,
    Strategy::OverBodyLimit,
    Strategy::Repeated,
    Strategy::Missing,
    Strategy::Unknown,
    Strategy::OddValues,
    Strategy::BracketKeys,
    Strategy::Json,
    Strategy::WrongContentType,
];

/// How the request presents itself to the CSRF check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Origin {
    /// `Origin` and `Sec-Fetch-Site` as the site's own pages send them.
    SameSite,
    /// Neither header, as scripts send.
    Headerless,
    /// Another site's page: must be refused with 403 before any decoding.
    CrossSite,
}

/// Whose cookie goes with the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Who {
    Visitor,
    Guest,
    Account,
}

struct Target {
    path: String,
    fields: Vec<(String, String)>,
    /// The import: a JSON file is its valid body.
    import: bool,
}

fn targets(lesson: &str, question: &str) -> Vec<Target> {
    let mut out: Vec<Target> = SERVER_FNS
        .iter()
        .map(|f| Target {
            path: format!("/api/{}", f.name),
            fields: f.fields.iter().map(|(k, v)| (k.to_string(), fill(v, lesson, question))).collect(),
            import: false,
        })
        .collect();
    for (_, path) in PLAIN_POSTS {
        let fields = if path.ends_with("/runs") { vec![("workers".to_string(), "2".to_string())] } else { vec![] };
        out.push(Target { path: path.to_string(), fields, import: path.ends_with("/import") });
    }
    // A real demo as well: the decoder and the parameter check run before anything starts, and
    // an unknown parameter in every body makes sure nothing does start.
    out.push(Target {
        path: "/api/demos/work-stealing/runs".into(),
        fields: vec![("fuzz-unknown".into(), "1".into()), ("workers".into(), "2".into())],
        import: false,
    });
    out
}

fn encode(fields: &[(String, String)]) -> Vec<u8> {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in fields {
        s.append_pair(k, v);
    }
    s.finish().into_bytes()
}

/// A valid export file for the import's valid and mutated bodies.
const EXPORT: &str = r#"{"format":"prep-export","version":1,"exported_at":0,"source":{"username":null},"settings":{"desired_retention":0.9,"editor_keymap":"standard"},"lessons":[],"answers":[],"ratings":[],"review_cards":[],"review_log":[],"notes":[],"bookmarks":[],"submissions":[],"drafts":[],"demo_predictions":[]}"#;

struct Body {
    bytes: Vec<u8>,
    content_type: Option<String>,
}

fn body(rng: &mut Rng, strategy: Strategy, target: &Target) -> Body {
    let form = Some("application/x-www-form-urlencoded".to_string());
    let valid = if target.import { EXPORT.as_bytes().to_vec() } else { encode(&target.fields) };
    let valid_type = if target.import { Some("application/json".to_string()) } else { form.clone() };
    let mut fields = target.fields.clone();
    match strategy {
        Strategy::Valid => Body { bytes: valid, content_type: valid_type },
        Strategy::RandomBytes => {
            let n = rng.below(3000);
            Body { bytes: rng.bytes(n), content_type: valid_type }
        }
        Strategy::Truncated => {
            let cut = rng.below(valid.len() + 1);
            Body { bytes: valid[..cut].to_vec(), content_type: valid_type }
        }
        Strategy::PercentGarbage => {
            let mut bytes = valid;
            for _ in 0..=rng.below(4) {
                let at = rng.below(bytes.len() + 1);
                let junk = rng.pick(PERCENT_GARBAGE).as_bytes().to_vec();
                bytes.splice(at..at, junk);
            }
            Body { bytes, content_type: valid_type }
        }
        Strategy::InvalidUtf8 => {
            let mut bytes = valid;
            let junk: &[&[u8]] =
                &[b"\xff", b"\xc3\x28", b"\xe2\x82", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf"];
            for _ in 0..=rng.below(3) {
                let at = rng.below(bytes.len() + 1);
                let j = rng.pick(junk).to_vec();
                bytes.splice(at..at, j);
            }
            Body { bytes, content_type: valid_type }
        }
        Strategy::HugeField => {
            // Under the body limit once encoded (each byte may take three).
            let size = 1000 + rng.below(80_000);
            let filler = if rng.chance(50) { "x".repeat(size) } else { "é<&\"".repeat(size / 5) };
            if fields.is_empty() {
                fields.push(("huge".into(), filler));
            } else {
                let k = rng.below(fields.len());
                fields[k].1 = filler;
            }
            Body { bytes: encode(&fields), content_type: form }
        }
        Strategy::OverBodyLimit => {
            let n = prep_server::MAX_BODY_BYTES + 1 + rng.below(100_000);
            let mut bytes = valid;
            bytes.extend(b"&pad=");
            bytes.resize(n, b'a');
            Body { bytes, content_type: valid_type }
        }
        Strategy::OverImportLimit => {
            let n = prep_server::IMPORT_BODY_BYTES + 1 + rng.below(1000);
            let mut bytes = vec![b' '; n];
            bytes[..EXPORT.len()].copy_from_slice(EXPORT.as_bytes());
            Body { bytes, content_type: valid_type }
        }
        Strategy::Repeated => {
            let mut twice = Vec::new();
            for (k, v) in &fields {
                twice.push((k.clone(), v.clone()));
                twice.push((k.clone(), rng.pick(ODD_VALUES).to_string()));
            }
            Body { bytes: encode(&twice), content_type: form }
        }
        Strategy::Missing => {
            let keep: Vec<_> = fields.into_iter().filter(|_| rng.chance(40)).collect();
            Body { bytes: encode(&keep), content_type: form }
        }
        Strategy::Unknown => {
            fields.push(("unknown_field".into(), "1".into()));
            fields.push(("".into(), "".into()));
            Body { bytes: encode(&fields), content_type: form }
        }
        Strategy::OddValues => {
            for (_, v) in fields.iter_mut() {
                if rng.chance(60) {
                    *v = rng.pick(ODD_VALUES).to_string();
                }
            }
            if fields.is_empty() {
                fields.push((rng.pick(ODD_VALUES).to_string(), rng.pick(ODD_VALUES).to_string()));
            }
            Body { bytes: encode(&fields), content_type: form }
        }
        Strategy::BracketKeys => {
            // serde_qs-style nesting and other key shapes a form decoder may interpret.
            let shapes = ["{k}[]", "{k}[0]", "{k}[a][b]", "{k}]", "[{k}", "{k}.x", "{k}[999999999]"];
            let mut raw = String::new();
            for (k, v) in &fields {
                let key = rng.pick(&shapes).replace("{k}", k);
                raw.push_str(&format!("{key}={}&", form_urlencoded::byte_serialize(v.as_bytes()).collect::<String>()));
            }
            const TAILS: &[&str] = &["&&&", "=", "==", "a=b=c", "&=&", "x"];
            let tail: &&str = rng.pick(TAILS);
            raw.push_str(tail);
            Body { bytes: raw.into_bytes(), content_type: form }
        }
        Strategy::Json => {
            if target.import {
                // A form where the import expects a file.
                Body { bytes: b"format=prep-export&version=1".to_vec(), content_type: form }
            } else {
                let object: serde_json::Map<String, serde_json::Value> =
                    fields.iter().map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone()))).collect();
                let bytes = serde_json::to_vec(&object).unwrap();
                let content_type = if rng.chance(50) { Some("application/json".into()) } else { form };
                Body { bytes, content_type }
            }
        }
        Strategy::WrongContentType => Body { bytes: valid, content_type: rng.pick(CONTENT_TYPES).map(str::to_string) },
    }
}

struct Fuzzer {
    base: String,
    host: String,
    http: reqwest::Client,
    guest: Option<String>,
    account: Option<String>,
    accounts_made: usize,
}

/// What one request got back (`Err`: no HTTP answer at all).
type Outcome = Result<(u16, String), String>;

impl Fuzzer {
    /// A session of the kind asked for, made again when a fuzzed logout or sign-up lost it.
    async fn session(&mut self, who: Who) -> Option<String> {
        match who {
            Who::Visitor => None,
            Who::Guest => {
                if self.guest.is_none() {
                    self.guest = self.new_session("guest", &[]).await;
                }
                self.guest.clone()
            }
            Who::Account => {
                if self.account.is_none() {
                    self.accounts_made += 1;
                    let name = format!("fuzzacct{}", self.accounts_made);
                    self.account =
                        self.new_session("signup", &[("username", name.as_str()), ("password", "long enough")]).await;
                }
                self.account.clone()
            }
        }
    }

    async fn new_session(&self, endpoint: &str, form: &[(&str, &str)]) -> Option<String> {
        let mut c = Client { base: self.base.clone(), http: self.http.clone(), session: None };
        let r = c.call(endpoint, form).await;
        assert_eq!(r.status, 200, "{endpoint}: {}", r.body);
        c.session
    }

    /// `as_page`: sent the way a browser's plain form is (`Accept: text/html`), which some
    /// endpoints answer with a redirect instead of JSON.
    async fn send(&mut self, path: &str, body: Body, origin: Origin, who: Who, as_page: bool) -> Outcome {
        let session = self.session(who).await;
        let mut req = self.http.post(format!("{}{path}", self.base)).timeout(REQUEST_TIMEOUT).body(body.bytes);
        if let Some(t) = &body.content_type {
            req = req.header("content-type", t.as_str());
        }
        if as_page {
            req = req.header("accept", "text/html,application/xhtml+xml");
        }
        match origin {
            Origin::SameSite => {
                req = req.header("origin", format!("http://{}", self.host)).header("sec-fetch-site", "same-origin")
            }
            Origin::Headerless => {}
            Origin::CrossSite => {
                req = req.header("origin", "https://evil.example").header("sec-fetch-site", "cross-site")
            }
        }
        if let Some(s) = &session {
            req = req.header("cookie", format!("prep_session={s}"));
        }
        let res = match req.send().await {
            Ok(r) => r,
            Err(e) if e.is_timeout() => return Err(format!("no answer within {REQUEST_TIMEOUT:?}")),
            Err(e) => return Err(format!("no HTTP answer: {e}")),
        };
        let status = res.status().as_u16();
        // A new session (sign-up, login, claim) or a cleared one (logout) changes whose it is.
        let cookies: Vec<String> =
            res.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok().map(str::to_string)).collect();
        for cookie in cookies {
            if let Some(rest) = cookie.strip_prefix("prep_session=") {
                let token = rest.split(';').next().unwrap_or_default().to_string();
                let token = (!token.is_empty()).then_some(token);
                match who {
                    Who::Guest => self.guest = token,
                    Who::Account => self.account = token,
                    Who::Visitor => {}
                }
            }
        }
        // An event stream (a demo that started after all) is not read to its end.
        if res.headers().get("content-type").is_some_and(|v| v.as_bytes().starts_with(b"text/event-stream")) {
            return Ok((status, "(event stream)".into()));
        }
        match tokio::time::timeout(REQUEST_TIMEOUT, res.bytes()).await {
            Ok(Ok(b)) => Ok((status, String::from_utf8_lossy(&b[..b.len().min(300)]).into_owned())),
            Ok(Err(e)) => Err(format!("body broke off: {e}")),
            Err(_) => Err(format!("body not finished within {REQUEST_TIMEOUT:?}")),
        }
    }

    async fn healthy(&self) -> Result<(), String> {
        let res = self
            .http
            .get(format!("{}/", self.base))
            .timeout(REQUEST_TIMEOUT)
            .send()
            .await
            .map_err(|e| format!("health request failed: {e}"))?;
        if res.status() != 200 {
            return Err(format!("health request got {}", res.status()));
        }
        let page = res.text().await.map_err(|e| e.to_string())?;
        if !page.contains("</html>") {
            return Err("health request: the home page is incomplete".into());
        }
        Ok(())
    }
}

/// Is this answer acceptable for this request? Never a 5xx; a cross-site request is refused
/// before decoding; a body over a limit is refused as too large.
fn judge(strategy: Strategy, origin: Origin, target: &Target, outcome: &Outcome) -> Result<(), String> {
    let (status, body) = match outcome {
        Ok(o) => o,
        // A server may stop reading a body it has refused as too large and close the
        // connection before the client finished sending; anything else is a failure.
        Err(e) if matches!(strategy, Strategy::OverBodyLimit | Strategy::OverImportLimit) => {
            return if e.contains("no HTTP answer") { Ok(()) } else { Err(e.clone()) };
        }
        Err(e) => return Err(e.clone()),
    };
    if *status >= 500 {
        return Err(format!("{status}: {body}"));
    }
    if origin == Origin::CrossSite && *status != 403 {
        return Err(format!("a cross-site POST got {status}, not 403: {body}"));
    }
    let over_limit = match strategy {
        Strategy::OverBodyLimit => !target.import,
        Strategy::OverImportLimit => true,
        _ => false,
    };
    if over_limit && origin != Origin::CrossSite && *status != 413 {
        return Err(format!("a body over the limit got {status}, not 413: {body}"));
    }
    Ok(())
}

async fn random_bodies_never_get_a_server_error(backend: Backend) {
    let seed = seed();
    println!("body fuzz on {backend:?}: seed {seed} (replay with PREP_FUZZ_SEED={seed})");
    let (db, _dir) = common::fresh_database(backend).await;
    let mut config = ServeConfig::for_tests(db);
    // On Postgres submissions are queued for outside workers (none run), so the fuzzed
    // submit and custom-run bodies reach the queue instead of stopping at "no judge".
    config.external_workers = backend == Backend::Postgres;
    let s = TestServer::start_with(config).await;
    let mut probe = s.client();
    let (lesson, question) = first_lesson(&mut probe).await;
    let targets = targets(&lesson, &question);
    let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let mut fuzzer =
        Fuzzer { base: s.url(""), host: s.addr.to_string(), http, guest: None, account: None, accounts_made: 0 };

    let mut rng = Rng(seed);
    let deadline = Instant::now() + budget();
    let mut statuses: BTreeMap<u16, usize> = BTreeMap::new();
    let mut failures: BTreeMap<(String, Strategy, Origin), String> = BTreeMap::new();
    let mut sent = 0usize;
    let mut slowest: Vec<(Duration, String)> = Vec::new();
    // The import's limit is 8 MiB: one such body per run, at a random moment, is enough.
    let import_limit_at = rng.below(200);
    while Instant::now() < deadline {
        for _ in 0..BATCH {
            let target = rng.pick(&targets);
            let mut strategy = *rng.pick(STRATEGIES);
            if sent == import_limit_at {
                strategy = Strategy::OverImportLimit;
            }
            let origin = *rng.pick(&[Origin::SameSite, Origin::SameSite, Origin::Headerless, Origin::CrossSite]);
            let who = *rng.pick(&[Who::Visitor, Who::Guest, Who::Account]);
            let request = body(&mut rng, strategy, target);
            let as_page = rng.chance(25);
            let began = Instant::now();
            let outcome = fuzzer.send(&target.path, request, origin, who, as_page).await;
            slowest.push((began.elapsed(), format!("{} {strategy:?} {origin:?} {who:?}", target.path)));
            slowest.sort_by_key(|(took, _)| std::cmp::Reverse(*took));
            slowest.truncate(5);
            sent += 1;
            if let Ok((status, _)) = &outcome {
                *statuses.entry(*status).or_default() += 1;
            }
            if let Err(why) = judge(strategy, origin, target, &outcome) {
                failures
                    .entry((target.path.clone(), strategy, origin))
                    .or_insert_with(|| format!("{why} (request {sent}, as {who:?})"));
            }
        }
        if let Err(e) = fuzzer.healthy().await {
            panic!("after {sent} requests (seed {seed}): {e}; failures so far: {failures:#?}");
        }
    }
    println!("body fuzz on {backend:?}: {sent} requests, statuses {statuses:?}, slowest {slowest:?}");
    let report: Vec<String> = failures
        .iter()
        .map(|((path, strategy, origin), why)| format!("{path} {strategy:?} {origin:?}: {why}"))
        .collect();
    assert!(report.is_empty(), "seed {seed}: {} failing cases:\n{}", report.len(), report.join("\n"));
    assert!(sent >= 2 * BATCH, "only {sent} requests in the time budget");
    s.stop().await;
}

/// NUL in any text field, the one character no field may hold (Postgres cannot store it in
/// text, SQLite's full-text query syntax cannot parse it): each request is refused with a
/// 4xx that says so, or (a page) served, never a 500. The fuzzer finds these by chance; here
/// every one is tried.
async fn nul_characters_get_a_clear_refusal(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = s.client();
    assert_eq!(c.sign_up("nul", "long enough").await.status, 200);
    let (lesson, question) = first_lesson(&mut c).await;
    let mut failures = Vec::new();
    for f in SERVER_FNS.iter().filter(|f| !f.fields.is_empty()) {
        for (k, _) in f.fields {
            let form: Vec<(String, String)> = f
                .fields
                .iter()
                .map(|(name, v)| {
                    (name.to_string(), if name == k { "a\0b".to_string() } else { fill(v, &lesson, &question) })
                })
                .collect();
            let pairs: Vec<(&str, &str)> = form.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
            let r = c.call(f.name, &pairs).await;
            if r.status >= 500 {
                failures.push(format!("{} with NUL in {k}: {} {}", f.name, r.status, r.body));
            }
            if c.session.is_none() {
                // Something logged this client out: back in, to go on as the same learner.
                assert_eq!(c.call("login", &[("username", "nul"), ("password", "long enough")]).await.status, 200);
            }
        }
    }
    for path in ["/search?q=a%00b", "/problems?tag=a%00b&status=%00", "/lessons/a%00b", "/problems/a%00b"] {
        let r = c.get(path).await;
        if r.status >= 500 {
            failures.push(format!("GET {path}: {}", r.status));
        }
    }
    let import = c.http.post(s.url("/api/import")).header("content-type", "application/json");
    let r = c.send(import.try_clone().unwrap().body(EXPORT)).await;
    assert_eq!(r.status, 200, "the fuzzer's valid export imports: {}", r.body);
    let doc = EXPORT.replace(
        r#""notes":[]"#,
        &format!(r#""notes":[{{"kind":"lesson","target_id":"{lesson}","body":"a\u0000b","updated_at":1}}]"#),
    );
    let r = c.send(import.body(doc)).await;
    if r.status != 400 || !r.body.contains("NUL") {
        failures.push(format!("import with NUL in a note: {} {} (not a clear refusal)", r.status, r.body));
    }
    assert!(failures.is_empty(), "{} server errors:\n{}", failures.len(), failures.join("\n"));
    s.stop().await;
}
