//! The XSS corpus (`catalog/tests/xss/payloads.txt`) end to end: each payload saved through the
//! HTTP API as a note (on a lesson and on a problem) and as an answer, then every page and
//! fragment that shows them fetched and read with the tokenizer in `catalog/tests/xss/scan.rs`:
//! no event handler or unsafe URL anywhere, no element the same page without the payload does
//! not have (beyond Markdown's own), the rendered notes Markdown's elements only, the answer
//! text only — on the lesson and problem pages, `/notes`, the review page, and the Anki file.

mod common;
#[path = "../../catalog/tests/xss/scan.rs"]
mod scan;

use common::{Client, TestServer, first_lesson};
use store::{Backend, Review, Store};

on_both_backends!(every_payload_is_harmless_wherever_it_is_shown);

fn corpus() -> Vec<scan::Payload> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../catalog/tests/xss/payloads.txt");
    let payloads = scan::parse_payloads(&std::fs::read_to_string(&path).unwrap());
    assert!(payloads.len() >= 30, "{} payloads", payloads.len());
    payloads
}

/// One view of the learner's text: what it is, its HTML, and the script nonce its response's
/// policy allows (pages; fragments have no scripts at all).
type View = (String, String, Option<String>);

/// Every view of the learner's text.
async fn views(c: &mut Client, lesson: &str, question: &str) -> Vec<View> {
    let mut out = Vec::new();
    for (endpoint, form) in [
        ("note_html", vec![("kind", "lesson"), ("target_id", lesson)]),
        ("note_html", vec![("kind", "problem"), ("target_id", "lcs")]),
        ("my_notes_html", vec![]),
        ("review_card_html", vec![("ahead", "false")]),
    ] {
        let r = c.call(endpoint, &form).await;
        assert_eq!(r.status, 200, "{endpoint}: {}", r.body);
        let html = r.json().as_str().unwrap_or_else(|| panic!("{endpoint}: {}", r.body)).to_string();
        out.push((format!("{endpoint} {form:?}"), html, None));
    }
    for path in [format!("/lessons/{lesson}"), "/problems/lcs".into(), "/notes".into(), "/review".into()] {
        let req = c.http.get(c.base.clone() + &path);
        let res = req.header("cookie", format!("prep_session={}", c.session.clone().unwrap())).send().await.unwrap();
        assert_eq!(res.status(), 200, "{path}");
        let policy = res.headers().get("content-security-policy").map(|v| v.to_str().unwrap().to_string());
        let nonce = policy.as_deref().and_then(scan::policy_nonce);
        out.push((path, res.text().await.unwrap(), nonce));
    }
    let csv = c.get("/api/export/anki.csv?answers=1").await;
    assert_eq!(csv.status, 200);
    out.push(("anki.csv (the question's back)".into(), anki_back(&csv.body, question), None));
    out
}

/// The back of `question`'s card in the Anki file, unquoted: HTML that Anki will show.
fn anki_back(csv: &str, question: &str) -> String {
    let line = csv.lines().find(|l| l.starts_with(&format!("prep-{question}\t"))).expect("the question's card");
    let back = line.split('\t').nth(2).expect("a back field");
    match back.strip_prefix('"').and_then(|b| b.strip_suffix('"')) {
        Some(quoted) => quoted.replace("\"\"", "\""),
        None => back.to_string(),
    }
}

/// The learner's own answer where it is shown as text: on the review card and the Anki card.
fn answer_parts(html: &str) -> Vec<String> {
    let mut parts = scan::inner_html_of_class(html, "own-answer");
    if let Some(anki) = html.split("<b>Your answer:</b></p>").nth(1) {
        parts.push(anki.to_string());
    }
    parts
}

async fn save(c: &mut Client, payload: &str, lesson: &str, question: &str) -> Vec<String> {
    let mut refused = Vec::new();
    for (endpoint, form) in [
        ("save_note", vec![("kind", "lesson"), ("target_id", lesson), ("body", payload)]),
        ("save_note", vec![("kind", "problem"), ("target_id", "lcs"), ("body", payload)]),
        ("answer", vec![("question_id", question), ("answer", payload)]),
    ] {
        let r = c.call(endpoint, &form).await;
        // NUL cannot be stored (Postgres refuses it in text): a clear 400, never a 500.
        if payload.contains('\0') && r.status == 400 {
            assert!(r.body.contains("NUL"), "{endpoint}: {}", r.body);
            refused.push(endpoint.to_string());
            continue;
        }
        assert_eq!(r.status, 200, "{endpoint} with {payload:?}: {}", r.body);
    }
    refused
}

async fn every_payload_is_harmless_wherever_it_is_shown(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = s.client();
    c.sign_up("xavier", "long enough").await;
    let (lesson, question) = first_lesson(&mut c).await;
    // The question's card comes due, so the review page shows it with the answer.
    let store = Store::open(&s.db).await.unwrap();
    let user = store.credentials("xavier").await.unwrap().unwrap().id;
    let now = store::now();
    let review = Review {
        card: domain::CardKind::Question.card(question.clone()),
        rating: domain::Rating::Good,
        at: now - 2 * 86_400,
        stability: 1.0,
        difficulty: 5.0,
        interval_days: 1,
        due: now - 86_400,
    };
    store.record_review(user, &review).await.unwrap();
    store.close().await;

    assert!(save(&mut c, "plain words", &lesson, &question).await.is_empty());
    let baseline = views(&mut c, &lesson, &question).await;
    for (what, html, nonce) in &baseline {
        assert!(html.contains("plain words"), "{what} shows the learner's text: {html:.2000}");
        assert_eq!(scan::page_violations(html), Vec::<String>::new(), "{what} without any payload");
        assert_eq!(scan::scripts_without_nonce(html, nonce.as_deref()), Vec::<String>::new(), "{what}");
    }

    let mut failures = Vec::new();
    for p in corpus() {
        let refused = save(&mut c, &p.text, &lesson, &question).await;
        for ((what, html, nonce), (_, base, _)) in views(&mut c, &lesson, &question).await.iter().zip(&baseline) {
            let mut found = scan::page_violations(html);
            found.extend(scan::scripts_without_nonce(html, nonce.as_deref()));
            found.extend(scan::foreign_elements(base, html));
            let notes = scan::inner_html_of_class(html, "note-body");
            if notes.len() != scan::inner_html_of_class(base, "note-body").len() {
                found.push(format!("{} rendered notes where the page has {}", notes.len(), base.len()));
            }
            for note in notes {
                found.extend(scan::markdown_violations(&note));
            }
            let answers = answer_parts(html);
            if answers.len() != answer_parts(base).len() {
                found.push("the answer's place on the page moved".into());
            }
            for answer in answers {
                for token in scan::tokenize(&answer) {
                    match token {
                        scan::Token::Text(_) => {}
                        scan::Token::Start { name, .. } | scan::Token::End { name } if name == "br" || name == "p" => {}
                        other => found.push(format!("the answer, shown as text, has {other:?}")),
                    }
                }
            }
            if !found.is_empty() {
                failures.push(format!("{} on {what}: {found:?}", p.name));
            }
        }
        if !refused.is_empty() {
            println!("{}: refused by {refused:?} (NUL)", p.name);
        }
    }
    assert!(failures.is_empty(), "{} unsafe views:\n{}", failures.len(), failures.join("\n"));

    // The export carries the text as JSON data, which a browser must not read as a page.
    let export =
        c.http.get(s.url("/api/export")).header("cookie", format!("prep_session={}", c.session.clone().unwrap()));
    let res = export.send().await.unwrap();
    assert_eq!(res.headers()["content-type"], "application/json");
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
    assert!(res.headers()["content-disposition"].to_str().unwrap().starts_with("attachment"));
    s.stop().await;
}
