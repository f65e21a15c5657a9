//! The authorization matrix: learner A keeps data of every kind (answers, ratings and review
//! cards, notes, bookmarks, drafts, settings, submissions and custom runs, a demo prediction,
//! a guest's progress waiting to be merged); then learner B, another guest and a visitor without
//! a session call every endpoint that takes an id or shows a learner's own data, with A's ids.
//! None of them may see A's marker text or change A's data, ids cannot be walked, and a
//! stranger's answer for A's id is the same as for an id that does not exist.
//!
//! The matrix is a table (`probes`): an endpoint is one line. `every_endpoint_is_classified`
//! fails when a server function is neither in the table nor listed as holding nothing of a
//! learner's.

mod common;

use std::collections::BTreeSet;
use std::time::Duration;

use common::endpoints::{SERVER_FNS, assert_the_list_is_complete};
use common::{Client, TestServer, first_lesson};
use domain::{Language, SubmissionResult, Verdict};
use serde_json::Value;
use store::{Backend, Enqueue, NewPrediction, NewSubmission, PendingLimits, Store, UserId};

on_both_backends!(
    strangers_cannot_read_or_change_a_learners_data,
    submission_ids_cannot_be_walked,
    a_demo_run_is_stopped_by_its_owner_only,
);

/// In every piece of A's text, so one search of a response finds any of it.
const MARK: &str = "ALICE-7f3a";

/// A's ids, as B could learn or guess them.
struct Ids {
    lesson: String,
    question: String,
    /// A judged submission, a waiting one, and a judged run on custom input.
    done: i64,
    queued: i64,
    custom: i64,
    /// A's guest account, offered to A for merging.
    guest: i64,
}

enum Req {
    /// A server function, form-encoded.
    Call(&'static str, Vec<(&'static str, String)>),
    Get(String),
}

fn call(endpoint: &'static str, form: &[(&'static str, &str)]) -> Req {
    Req::Call(endpoint, form.iter().map(|(k, v)| (*k, v.to_string())).collect())
}

/// One line of the matrix: what is called with A's ids, and the statuses a signed-in stranger
/// (B, or another guest) and a visitor may get. Whatever the status, the body never has A's
/// marker.
struct Probe {
    req: fn(&Ids) -> Req,
    stranger: &'static [u16],
    visitor: &'static [u16],
}

const OK: &[u16] = &[200];
const MISSING: &[u16] = &[404];
const LOG_IN: &[u16] = &[401];
/// A page about one submission: rendered for anyone, the part that needs its owner saying it
/// is not there (or, to a visitor, to log in).
const PAGE: &[u16] = &[200, 401, 404];
/// A page of the learner's own: a visitor is asked to log in or start as a guest.
const OWN_PAGE: &[u16] = &[200, 401];
/// A plain form's redirect, or the JSON answer.
const DONE: &[u16] = &[200, 302, 303];

fn probes() -> Vec<Probe> {
    let p = |req: fn(&Ids) -> Req, stranger, visitor| Probe { req, stranger, visitor };
    vec![
        // Submissions and custom runs, by id.
        p(|i| call("submission", &[("id", &i.done.to_string())]), MISSING, LOG_IN),
        p(|i| call("submission", &[("id", &i.custom.to_string())]), MISSING, LOG_IN),
        p(|i| call("submission_html", &[("id", &i.done.to_string())]), MISSING, LOG_IN),
        p(|i| call("submission_html", &[("id", &i.custom.to_string())]), MISSING, LOG_IN),
        p(|i| call("submission_page_html", &[("id", &i.done.to_string())]), MISSING, LOG_IN),
        p(|i| call("submission_source", &[("id", &i.done.to_string())]), MISSING, LOG_IN),
        p(|i| call("submission_source", &[("id", &i.queued.to_string())]), MISSING, LOG_IN),
        p(|i| call("cancel_submission", &[("id", &i.queued.to_string())]), MISSING, LOG_IN),
        p(|i| call("cancel_submission", &[("id", &i.done.to_string())]), MISSING, LOG_IN),
        p(|i| Req::Get(format!("/api/submissions/{}/events", i.done)), MISSING, LOG_IN),
        p(|i| Req::Get(format!("/api/submissions/{}/events", i.queued)), MISSING, LOG_IN),
        p(|i| Req::Get(format!("/submissions/{}", i.done)), PAGE, PAGE),
        p(|i| Req::Get(format!("/problems/lcs?restore={}", i.done)), PAGE, PAGE),
        // A learner's lists: the stranger's own (empty), never A's.
        p(|_| call("submissions", &[("problem_id", "lcs")]), OK, OK),
        p(|_| call("history_html", &[("problem_id", "lcs")]), OK, LOG_IN),
        p(|_| call("problem", &[("id", "lcs")]), OK, OK),
        p(|_| call("problems_html", &[("status", "attempted")]), OK, OK),
        // Answers, ratings, review cards.
        p(|i| call("lesson", &[("id", &i.lesson)]), OK, OK),
        p(|_| call("outline", &[]), OK, OK),
        p(|_| call("outline_html", &[]), OK, OK),
        p(|_| call("review_card_html", &[("ahead", "true")]), OK, LOG_IN),
        p(|_| call("review_card_html", &[("ahead", "false")]), OK, LOG_IN),
        p(|_| call("review_summary", &[]), OK, OK),
        p(|_| call("review_summary_html", &[]), OK, OK),
        p(
            |i| {
                call(
                    "review_rate",
                    &[("kind", "question"), ("card_id", &i.question), ("rating", "easy"), ("ahead", "false")],
                )
            },
            MISSING,
            LOG_IN,
        ),
        p(
            |_| {
                call("review_rate", &[("kind", "problem"), ("card_id", "lcs"), ("rating", "again"), ("ahead", "false")])
            },
            MISSING,
            LOG_IN,
        ),
        p(|_| call("dashboard", &[]), OK, &[200, 401]),
        p(|_| call("dashboard_html", &[]), OK, &[200, 401]),
        // Notes and bookmarks.
        p(|i| call("note_html", &[("kind", "lesson"), ("target_id", &i.lesson)]), OK, LOG_IN),
        p(|_| call("note_html", &[("kind", "problem"), ("target_id", "lcs")]), OK, LOG_IN),
        p(|_| call("my_notes_html", &[]), OK, LOG_IN),
        // Settings.
        p(|_| call("review_settings", &[]), OK, LOG_IN),
        p(|_| call("review_settings_html", &[]), OK, &[200, 401]),
        p(|_| call("me", &[]), OK, OK),
        // Export, Anki, the data page, guest merge.
        p(|_| Req::Get("/api/export".into()), OK, LOG_IN),
        p(|_| Req::Get("/api/export/anki.csv?answers=1".into()), OK, LOG_IN),
        p(|_| call("data_page_html", &[]), OK, LOG_IN),
        p(|_| call("merge_offer_html", &[]), OK, LOG_IN),
        p(|i| call("merge_guest", &[("guest", &i.guest.to_string()), ("choice", "merge")]), MISSING, LOG_IN),
        p(|i| call("merge_guest", &[("guest", &i.guest.to_string()), ("choice", "discard")]), MISSING, LOG_IN),
        // Pages that show a learner's own data.
        p(|i| Req::Get(format!("/lessons/{}", i.lesson)), OK, OK),
        p(|_| Req::Get("/problems/lcs".into()), OK, OK),
        p(|_| Req::Get("/problems?status=attempted".into()), OK, OK),
        p(|_| Req::Get("/notes".into()), OK, OK),
        p(|_| Req::Get("/review?ahead=1".into()), OK, OWN_PAGE),
        p(|_| Req::Get("/dashboard".into()), OK, OWN_PAGE),
        p(|_| Req::Get("/settings".into()), OK, OWN_PAGE),
        p(|_| Req::Get("/data".into()), OK, OWN_PAGE),
        p(|_| Req::Get("/merge".into()), OK, OWN_PAGE),
        p(|_| Req::Get("/".into()), OK, OK),
        // Writes with A's ids: each lands in the caller's own rows (checked: A's are unchanged).
        p(|i| call("save_note", &[("kind", "lesson"), ("target_id", &i.lesson), ("body", "mine")]), DONE, LOG_IN),
        p(|_| call("save_note", &[("kind", "problem"), ("target_id", "lcs"), ("body", " ")]), DONE, LOG_IN),
        p(|i| call("bookmark", &[("kind", "question"), ("target_id", &i.question), ("on", "false")]), DONE, LOG_IN),
        p(|i| call("lesson_done", &[("lesson_id", &i.lesson), ("done", "false")]), OK, LOG_IN),
        p(|i| call("answer", &[("question_id", &i.question), ("answer", "mine")]), OK, LOG_IN),
        p(|i| call("rate", &[("question_id", &i.question), ("rating", "again")]), OK, LOG_IN),
        p(|_| call("reset_draft", &[("problem_id", "lcs"), ("language", "rust")]), OK, LOG_IN),
        p(|_| call("save_draft", &[("problem_id", "lcs"), ("language", "rust"), ("source", "mine")]), OK, LOG_IN),
        p(|_| call("editor_keymap", &[("keymap", "standard")]), OK, LOG_IN),
        p(|_| call("set_desired_retention", &[("retention", "0.95")]), DONE, LOG_IN),
        p(|_| call("fit_review_parameters", &[]), &[400], LOG_IN),
    ]
}

/// Server functions that hold nothing of one learner's that another could ask for by id:
/// they act on the caller's own session, or serve the course to everyone.
const NOT_PER_LEARNER: &[&str] = &[
    // The caller's own session.
    "signup",
    "login",
    "logout",
    "guest",
    "claim",
    // The course, the same for everyone.
    "search",
    "search_html",
    "demo",
    // A cookie in the caller's browser.
    "theme",
    // New submissions belong to the caller (judged in tests/judge.rs).
    "submit",
    "run_custom",
    "submit_form",
];

fn endpoint_of(req: &Req) -> Option<&'static str> {
    match req {
        Req::Call(e, _) => Some(e),
        Req::Get(_) => None,
    }
}

#[test]
fn every_endpoint_is_classified() {
    assert_the_list_is_complete();
    let ids = Ids { lesson: "l".into(), question: "q".into(), done: 1, queued: 2, custom: 3, guest: 4 };
    let probed: BTreeSet<&str> = probes().iter().filter_map(|p| endpoint_of(&(p.req)(&ids))).collect();
    let unclassified: Vec<&str> = SERVER_FNS
        .iter()
        .map(|f| f.name)
        .filter(|name| !probed.contains(name) && !NOT_PER_LEARNER.contains(name))
        .collect();
    assert!(unclassified.is_empty(), "add these to the matrix or to NOT_PER_LEARNER: {unclassified:?}");
}

/// Sends one probe as `c`; an event stream is read for a moment only (a stranger must not
/// get one at all).
async fn send(c: &mut Client, req: &Req) -> (u16, String) {
    match req {
        Req::Call(endpoint, form) => {
            let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let r = c.call(endpoint, &pairs).await;
            (r.status, r.body)
        }
        Req::Get(path) => {
            let mut req = c.http.get(format!("{}{path}", c.base)).timeout(Duration::from_secs(20));
            if let Some(s) = &c.session {
                req = req.header("cookie", format!("prep_session={s}"));
            }
            let mut res = req.send().await.unwrap_or_else(|e| panic!("GET {path}: {e}"));
            let status = res.status().as_u16();
            let mut body = Vec::new();
            let deadline = tokio::time::Instant::now() + Duration::from_secs(3);
            while let Ok(Ok(Some(chunk))) = tokio::time::timeout_at(deadline, res.chunk()).await {
                body.extend_from_slice(&chunk);
            }
            (status, String::from_utf8_lossy(&body).into_owned())
        }
    }
}

fn describe(req: &Req) -> String {
    match req {
        Req::Call(e, form) => format!("POST /api/{e} {form:?}"),
        Req::Get(path) => format!("GET {path}"),
    }
}

/// Everything of A's, as A sees it: compared before and after the strangers' attempts.
async fn snapshot(a: &mut Client, ids: &Ids) -> Vec<String> {
    let mut export = a.get("/api/export").await.json();
    export["exported_at"] = Value::Null;
    let mut views = vec![export.to_string()];
    for (endpoint, form) in [
        ("submission", vec![("id", ids.done.to_string())]),
        ("submission", vec![("id", ids.queued.to_string())]),
        ("submission", vec![("id", ids.custom.to_string())]),
        ("submission_source", vec![("id", ids.queued.to_string())]),
        ("merge_offer_html", vec![]),
        ("review_card_html", vec![("ahead", "false".to_string())]),
        ("review_settings", vec![]),
        ("note_html", vec![("kind", "lesson".to_string()), ("target_id", ids.lesson.clone())]),
        ("problem", vec![("id", "lcs".to_string())]),
    ] {
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = a.call(endpoint, &pairs).await;
        assert_eq!(r.status, 200, "A reads {endpoint}: {}", r.body);
        views.push(format!("{endpoint}: {}", r.body));
    }
    views
}

/// A run of `lcs` by `user`, on custom input if given.
fn run<'a>(user: UserId, source: &'a str, custom_input: Option<&'a str>, fair_key: &'a str) -> NewSubmission<'a> {
    NewSubmission {
        user,
        problem_id: "lcs",
        language: Language::Rust,
        source,
        samples_only: true,
        fair_key,
        custom_input,
    }
}

const LIMITS: PendingLimits = PendingLimits { per_learner: 10, per_fair_key: 10, per_minute: 100 };

async fn enqueue(store: &Store, new: &NewSubmission<'_>) -> i64 {
    match store.enqueue_submission(new, LIMITS).await.unwrap() {
        Enqueue::Queued(id) => id,
        other => panic!("not queued: {other:?}"),
    }
}

/// Judges the oldest waiting submission with `result`, as a worker would.
async fn judge_next(store: &Store, result: &SubmissionResult) -> i64 {
    let claimed = store.claim_next_submission(60).await.unwrap().expect("a submission to claim");
    assert!(store.finish_submission(claimed.id, &claimed.lease, result).await.unwrap());
    claimed.id
}

/// A with data of every kind (through the API where it can be made there), B, another guest
/// and a visitor.
struct World {
    a: Client,
    b: Client,
    other_guest: Client,
    visitor: Client,
    ids: Ids,
    /// B's own submissions.
    b_subs: Vec<i64>,
}

async fn world(s: &TestServer) -> World {
    let mut a = s.client();
    assert_eq!(a.sign_up("alice", "long enough").await.status, 200);
    let (lesson, question) = first_lesson(&mut a).await;
    a.call("logout", &[]).await;
    // A's guest progress, then a log-in: the guest is offered to A for merging.
    assert_eq!(a.call("guest", &[]).await.status, 200);
    let r = a.call("answer", &[("question_id", &question), ("answer", &format!("{MARK} as a guest"))]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let store = Store::open(&s.db).await.unwrap();
    assert!(a.call("login", &[("username", "alice"), ("password", "long enough")]).await.status < 400);
    let alice = store.credentials("alice").await.unwrap().unwrap().id;
    let offered = store.pending_merges(alice).await.unwrap();
    assert_eq!(offered.len(), 1, "the guest is offered to A");
    let guest = offered[0].guest.get();

    for (endpoint, form) in [
        ("answer", vec![("question_id", question.clone()), ("answer", format!("{MARK} answer <b>x</b>"))]),
        ("rate", vec![("question_id", question.clone()), ("rating", "again".into())]),
        ("lesson_done", vec![("lesson_id", lesson.clone()), ("done", "true".into())]),
        ("save_note", vec![("kind", "lesson".into()), ("target_id", lesson.clone()), ("body", format!("{MARK} note"))]),
        ("save_note", vec![("kind", "problem".into()), ("target_id", "lcs".into()), ("body", format!("{MARK} pnote"))]),
        ("bookmark", vec![("kind", "question".into()), ("target_id", question.clone()), ("on", "true".into())]),
        ("bookmark", vec![("kind", "problem".into()), ("target_id", "lcs".into()), ("on", "true".into())]),
        (
            "save_draft",
            vec![("problem_id", "lcs".into()), ("language", "rust".into()), ("source", format!("// {MARK} draft"))],
        ),
        ("editor_keymap", vec![("keymap", "vim".into())]),
        ("set_desired_retention", vec![("retention", "0.8".into())]),
    ] {
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = a.call(endpoint, &pairs).await;
        assert!(r.status < 400, "A's {endpoint}: {}", r.body);
    }

    // Submissions straight into the queue (this server runs no judge), judged as a worker
    // would; B's interleave with A's, as real ids do.
    let mut b = s.client();
    assert_eq!(b.sign_up("bob", "long enough").await.status, 200);
    let bob = store.credentials("bob").await.unwrap().unwrap().id;
    let (a_key, b_key) = (format!("user:{}", alice.get()), format!("user:{}", bob.get()));
    let (a_source, a_input) = (format!("// {MARK} source"), format!("{MARK} input"));
    let mut b_subs = vec![enqueue(&store, &run(bob, "// bob's", None, &b_key)).await];
    judge_next(&store, &SubmissionResult::without_tests(Verdict::CE, "bob's compiler output")).await;
    let done = enqueue(&store, &run(alice, &a_source, None, &a_key)).await;
    assert_eq!(
        judge_next(&store, &SubmissionResult::without_tests(Verdict::CE, format!("{MARK} compiler"))).await,
        done
    );
    let custom = enqueue(&store, &run(alice, &a_source, Some(&a_input), &a_key)).await;
    assert_eq!(
        judge_next(&store, &SubmissionResult::without_tests(Verdict::RE, format!("{MARK} custom"))).await,
        custom
    );
    b_subs.push(enqueue(&store, &run(bob, "// bob's second", None, &b_key)).await);
    let queued = enqueue(&store, &run(alice, &a_source, None, &a_key)).await;
    let prediction = NewPrediction {
        user: alice,
        demo_id: "work-stealing",
        params: &format!("workers=2&note={MARK}"),
        prediction: "1",
        outcome: "1",
        correct: true,
    };
    store.record_prediction(&prediction).await.unwrap();
    // A's card on the question comes due: reviewed two days ago, due yesterday.
    let now = store::now();
    let review = store::Review {
        card: domain::CardKind::Question.card(question.clone()),
        rating: domain::Rating::Good,
        at: now - 2 * 86_400,
        stability: 1.0,
        difficulty: 5.0,
        interval_days: 1,
        due: now - 86_400,
    };
    store.record_review(alice, &review).await.unwrap();
    store.close().await;

    let mut other_guest = s.client();
    assert_eq!(other_guest.call("guest", &[]).await.status, 200);
    let visitor = s.client();
    World { a, b, other_guest, visitor, ids: Ids { lesson, question, done, queued, custom, guest }, b_subs }
}

async fn strangers_cannot_read_or_change_a_learners_data(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let World { mut a, mut b, mut other_guest, mut visitor, ids, .. } = world(&s).await;

    // A sees all of it: the marker is where the probes look for it. (A's own visit to the
    // lesson moves A's "last lesson", so it comes before the snapshot.)
    let own_page = a.get(&format!("/lessons/{}", ids.lesson)).await.body;
    assert!(own_page.contains(MARK), "A's lesson page shows A's answer and note");
    let before = snapshot(&mut a, &ids).await;
    // All but the waiting submission's status (no result yet), the offer (counts only) and the
    // settings (numbers) carry the marker.
    let plain = ["\"status\":\"queued\"", "merge_offer_html:", "review_settings:"];
    for view in before.iter().filter(|v| !plain.iter().any(|p| v.contains(p))) {
        assert!(view.contains(MARK), "A's own view shows A's data: {view}");
    }

    let offer = format!("data-guest=\"{}\"", ids.guest);
    assert!(before.iter().any(|v| v.contains(&offer.replace('"', "\\\""))), "A is offered the guest");
    let mut failures = Vec::new();
    for probe in probes() {
        let req = (probe.req)(&ids);
        for (who, c, allowed) in [
            ("B", &mut b, probe.stranger),
            ("another guest", &mut other_guest, probe.stranger),
            ("a visitor", &mut visitor, probe.visitor),
        ] {
            let (status, body) = send(c, &req).await;
            if !allowed.contains(&status) {
                failures.push(format!("{who}: {} got {status}, expected {allowed:?}: {body:.300}", describe(&req)));
            }
            if body.contains(MARK) || body.contains(&offer) {
                failures.push(format!("{who}: {} showed A's data: {body:.300}", describe(&req)));
            }
        }
        assert!(visitor.session.is_none(), "{} gave the visitor a session", describe(&req));
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));

    // B imports a file into B's own account: with A's ids in it, still nothing of A's changes.
    let mut file = a.get("/api/export").await.json();
    file["notes"][0]["body"] = Value::String("bob was here".into());
    let import = b.http.post(format!("{}/api/import", b.base)).header("content-type", "application/json");
    let r = b.send(import.body(file.to_string())).await;
    assert_eq!(r.status, 200, "{}", r.body);

    let after = snapshot(&mut a, &ids).await;
    for (x, y) in before.iter().zip(&after) {
        assert_eq!(x, y, "A's data changed");
    }
    let queued = a.call("submission", &[("id", &ids.queued.to_string())]).await.json();
    assert_eq!(queued["status"], "queued", "A's waiting submission was not cancelled");
    s.stop().await;
}

async fn submission_ids_cannot_be_walked(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let World { mut a, mut b, ids, b_subs, .. } = world(&s).await;
    let before = snapshot(&mut a, &ids).await;
    let highest = ids.queued.max(ids.custom).max(*b_subs.iter().max().unwrap());
    let absent = highest + 1000;
    let by_id: [fn(i64) -> Req; 5] = [
        |id| call("submission", &[("id", &id.to_string())]),
        |id| call("submission_html", &[("id", &id.to_string())]),
        |id| call("submission_page_html", &[("id", &id.to_string())]),
        |id| call("submission_source", &[("id", &id.to_string())]),
        |id| Req::Get(format!("/api/submissions/{id}/events")),
    ];
    for make in by_id {
        let nothing = send(&mut b, &make(absent)).await;
        assert_eq!(nothing.0, 404, "{}: {}", describe(&make(absent)), nothing.1);
        for id in 0..=highest + 3 {
            let got = send(&mut b, &make(id)).await;
            if b_subs.contains(&id) {
                assert_eq!(got.0, 200, "B reads B's own {id}: {}", got.1);
            } else {
                // Not even whether the id exists: the same answer as for one nobody has.
                assert_eq!(got, nothing, "B asked for {}", describe(&make(id)));
            }
        }
    }
    // Cancelling by walking: only B's own waiting one.
    for id in 0..=highest + 3 {
        let r = b.call("cancel_submission", &[("id", &id.to_string())]).await;
        let expected = if id == b_subs[1] {
            200
        } else if id == b_subs[0] {
            400
        } else {
            404
        };
        assert_eq!(r.status, expected, "B cancels {id}: {}", r.body);
    }
    // Guest merges by walking user ids: none was offered to B.
    for guest in 0..=ids.guest + 5 {
        for choice in ["merge", "discard"] {
            let r = b.call("merge_guest", &[("guest", &guest.to_string()), ("choice", choice)]).await;
            assert_eq!(r.status, 404, "B {choice}s guest {guest}: {}", r.body);
        }
    }
    let after = snapshot(&mut a, &ids).await;
    for (x, y) in before.iter().zip(&after) {
        assert_eq!(x, y, "A's data changed");
    }
    s.stop().await;
}

/// Reads a demo's event stream until `name`; returns that event's data.
async fn until_event(res: &mut reqwest::Response, text: &mut String, name: &str) -> Value {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(180);
    loop {
        while let Some(end) = text.find("\n\n") {
            let block: String = text.drain(..end + 2).collect();
            if block.lines().any(|l| l == format!("event: {name}")) {
                let data: String = block.lines().filter_map(|l| l.strip_prefix("data: ")).collect();
                return serde_json::from_str(&data).unwrap();
            }
        }
        let chunk = tokio::time::timeout_at(deadline, res.chunk()).await.expect("the demo's events in time").unwrap();
        text.push_str(&String::from_utf8_lossy(&chunk.unwrap_or_else(|| panic!("the stream ended before {name}"))));
    }
}

async fn a_demo_run_is_stopped_by_its_owner_only(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut a = s.client();
    assert_eq!(a.sign_up("alice", "long enough").await.status, 200);
    // rate-limiter runs for `duration` seconds of real time (5 at most): time enough to try
    // stopping it.
    let start = a.http.post(format!("{}/api/demos/rate-limiter/runs", a.base)).form(&[("duration", "5")]);
    let mut res = start.header("cookie", format!("prep_session={}", a.session.clone().unwrap())).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let mut text = String::new();
    let started = until_event(&mut res, &mut text, "started").await;
    let run = started["run"].as_str().expect("the run's id").to_string();

    let mut b = s.client();
    assert_eq!(b.sign_up("bob", "long enough").await.status, 200);
    let mut guest = s.client();
    assert_eq!(guest.call("guest", &[]).await.status, 200);
    let mut visitor = s.client();
    let stop = format!("/api/demos/runs/{run}/stop");
    for (who, c) in [("B", &mut b), ("a guest", &mut guest), ("a visitor", &mut visitor)] {
        let req = c.http.post(format!("{}{stop}", c.base));
        let r = c.send(req).await;
        assert_eq!((r.status, r.body.as_str()), (404, "No such run of yours is going on."), "{who} stops A's run");
    }
    // A's own cookie, sent by another site's page: refused before it reaches the handler.
    let cross = a.http.post(format!("{}{stop}", a.base)).header("origin", "https://evil.example");
    assert_eq!(a.send(cross).await.status, 403);

    // The run went on; A stops it, and A's stream says so.
    let r = a.send(a.http.post(format!("{}{stop}", a.base))).await;
    assert_eq!(r.status, 204, "{}", r.body);
    let finished = until_event(&mut res, &mut text, "finished").await;
    assert_eq!(finished["status"], "stopped", "{finished}");
    s.stop().await;
}
