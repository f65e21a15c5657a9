//! Every endpoint a client can POST to, with a valid example of each field: the server
//! functions under `/api/` and the plain routes. The fuzzer and the authorization matrix work
//! from this list, and `declared_server_fns` reads the source so that a new endpoint missing
//! here fails a test instead of going untested.

use std::collections::BTreeSet;
use std::path::Path;

/// A server function: `POST /api/<name>`, form-encoded.
pub struct ServerFn {
    pub name: &'static str,
    /// Each field with a value that passes its own validation. `{lesson}`, `{question}` stand
    /// for ids from the real course (see `fill`).
    pub fields: &'static [(&'static str, &'static str)],
}

const fn f(name: &'static str, fields: &'static [(&'static str, &'static str)]) -> ServerFn {
    ServerFn { name, fields }
}

pub const SERVER_FNS: &[ServerFn] = &[
    f("me", &[]),
    f("signup", &[("username", "fuzzer"), ("password", "long enough")]),
    f("login", &[("username", "fuzzer"), ("password", "long enough")]),
    f("logout", &[]),
    f("guest", &[]),
    f("claim", &[("username", "claimer"), ("password", "long enough")]),
    f("outline", &[]),
    f("outline_html", &[]),
    f("lesson", &[("id", "{lesson}")]),
    f("lesson_done", &[("lesson_id", "{lesson}"), ("done", "true")]),
    f("answer", &[("question_id", "{question}"), ("answer", "an answer")]),
    f("rate", &[("question_id", "{question}"), ("rating", "good")]),
    f("dashboard", &[]),
    f("dashboard_html", &[]),
    f("review_summary", &[]),
    f("review_summary_html", &[]),
    f("review_card_html", &[("ahead", "true")]),
    f("review_rate", &[("kind", "question"), ("card_id", "{question}"), ("rating", "good"), ("ahead", "false")]),
    f("review_settings", &[]),
    f("review_settings_html", &[]),
    f("set_desired_retention", &[("retention", "0.9")]),
    f("fit_review_parameters", &[]),
    f("save_note", &[("kind", "lesson"), ("target_id", "{lesson}"), ("body", "a *note*")]),
    f("note_html", &[("kind", "lesson"), ("target_id", "{lesson}")]),
    f("bookmark", &[("kind", "question"), ("target_id", "{question}"), ("on", "true")]),
    f("my_notes_html", &[]),
    f("search", &[("q", "goroutine")]),
    f("search_html", &[("q", "goroutine")]),
    f("theme", &[("theme", "dark")]),
    f("problem", &[("id", "lcs")]),
    f("problems_html", &[("section", ""), ("difficulty", ""), ("tag", ""), ("status", "")]),
    f("editor_keymap", &[("keymap", "vim")]),
    f("save_draft", &[("problem_id", "lcs"), ("language", "rust"), ("source", "fn main() {}")]),
    f("reset_draft", &[("problem_id", "lcs"), ("language", "rust")]),
    f("submit", &[("problem_id", "lcs"), ("language", "rust"), ("source", "fn main() {}"), ("samples_only", "true")]),
    f("run_custom", &[("problem_id", "lcs"), ("language", "rust"), ("source", "fn main() {}"), ("input", "1\n")]),
    f("cancel_submission", &[("id", "1")]),
    f(
        "submit_form",
        &[("problem_id", "lcs"), ("language", "go"), ("source", "package main"), ("kind", "samples"), ("input", "")],
    ),
    f("submission", &[("id", "1")]),
    f("submissions", &[("problem_id", "lcs")]),
    f("history_html", &[("problem_id", "lcs")]),
    f("submission_page_html", &[("id", "1")]),
    f("submission_source", &[("id", "1")]),
    f("submission_html", &[("id", "1")]),
    f("data_page_html", &[]),
    f("merge_offer_html", &[]),
    f("merge_guest", &[("guest", "1"), ("choice", "discard")]),
    f("demo", &[("id", "work-stealing")]),
];

/// POST routes that are plain axum handlers, not server functions (`server/src/*.rs`), with
/// the path the tests call (`{…}` filled as for `ServerFn::fields`).
pub const PLAIN_POSTS: &[(&str, &str)] = &[
    ("/api/import", "/api/import"),
    ("/api/demos/{id}/runs", "/api/demos/no-such-demo/runs"),
    ("/api/demos/runs/{run}/stop", "/api/demos/runs/r1/stop"),
];

/// `{lesson}` and `{question}` replaced by real ids.
pub fn fill(value: &str, lesson: &str, question: &str) -> String {
    value.replace("{lesson}", lesson).replace("{question}", question)
}

fn workspace() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// Every `#[server(endpoint = "…")]` in `app/src/api/`.
pub fn declared_server_fns() -> BTreeSet<String> {
    let dir = workspace().join("app/src/api");
    let mut found = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for part in text.split("#[server(endpoint = \"").skip(1) {
            found.insert(part.split('"').next().unwrap().to_string());
        }
    }
    found
}

/// Every `.route("…", post(…))` path in `server/src/`.
pub fn declared_plain_posts() -> BTreeSet<String> {
    let dir = workspace().join("server/src");
    let mut found = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for part in text.split(".route(\"").skip(1) {
            let (route, rest) = part.split_once('"').unwrap();
            if rest.trim_start_matches([',', ' ', '\n']).starts_with("post(") {
                found.insert(route.to_string());
            }
        }
    }
    found
}

/// Fails, naming them, when the source has endpoints this list lacks (or the other way).
pub fn assert_the_list_is_complete() {
    let listed: BTreeSet<String> = SERVER_FNS.iter().map(|f| f.name.to_string()).collect();
    let declared = declared_server_fns();
    assert!(declared.len() >= 40, "the scan of app/src/api found only {declared:?}");
    assert_eq!(listed, declared, "server functions: add new ones to tests/common/endpoints.rs");
    let plain: BTreeSet<String> = PLAIN_POSTS.iter().map(|(r, _)| r.to_string()).collect();
    assert_eq!(plain, declared_plain_posts(), "plain POST routes: add new ones to tests/common/endpoints.rs");
}
