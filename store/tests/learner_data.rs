//! A learner's data out and in (`export_learner`, `import_learner`) and a guest's progress
//! merged into an account, on SQLite and (when the test cluster is up) Postgres.

use domain::{BookmarkKind, CardKind, Language, LessonStatus, NoteTarget, Rating, SubmissionResult, Verdict};
use portable::{Document, SubmissionRecord};
mod common;

use common::each_backend;
use store::{MergeOutcome, NewSubmission, PendingLimits, Review, Store, UserId};

/// The export without what is expected to differ between accounts (its time and owner).
async fn progress(s: &Store, user: UserId) -> String {
    let mut d = s.export_learner(user, 0).await.unwrap();
    d.source.username = None;
    d.to_json()
}

/// A learner with something in every table, a queued (unjudged) submission among it.
async fn busy_learner(s: &Store, name: &str) -> UserId {
    let u = s.create_user(name, "hash").await.unwrap().unwrap();
    s.record_lesson_visit(u, "go-scheduler").await.unwrap();
    s.set_lesson_done(u, "go-scheduler", true).await.unwrap();
    s.record_lesson_visit(u, "go-work-stealing").await.unwrap();
    s.save_answer(u, "ws-starvation", "Idle Ps steal\thalf a queue.\n\"Really\".").await.unwrap();
    s.rate_question(u, "ws-starvation", Rating::Good).await.unwrap();
    s.rate_question(u, "ws-starvation", Rating::Good).await.unwrap();
    let review = Review {
        card: CardKind::Question.card("ws-starvation"),
        rating: Rating::Good,
        at: store::now(),
        stability: 3.173,
        difficulty: 5.28,
        interval_days: 3,
        due: store::now() + 3 * 86_400,
    };
    s.record_review(u, &review).await.unwrap();
    s.save_note(u, NoteTarget::Lesson, "go-scheduler", "# Mine\nP, M, G.").await.unwrap();
    s.set_bookmark(u, BookmarkKind::Problem, "lcs", true).await.unwrap();
    s.save_draft(u, "lcs", Language::Rust, "fn lcs() {}").await.unwrap();
    s.set_editor_keymap(u, domain::Keymap::Vim).await.unwrap();
    let limits = PendingLimits { per_learner: 5, per_fair_key: 5, per_minute: 100 };
    let new = NewSubmission {
        user: u,
        problem_id: "lcs",
        language: Language::Go,
        source: "package main // still queued",
        samples_only: false,
        fair_key: "user:x",
        custom_input: None,
    };
    s.enqueue_submission(&new, limits).await.unwrap();
    // A judged one arrives through an import (the judge is not part of the store).
    let mut doc = s.export_learner(u, 0).await.unwrap();
    doc.submissions.push(SubmissionRecord {
        problem_id: "lcs".into(),
        language: Language::Go,
        samples_only: false,
        source: "package main // accepted".into(),
        verdict: Verdict::AC,
        result: Some(SubmissionResult::without_tests(Verdict::AC, "")),
        custom_input: None,
        created_at: 1_700_000_000,
        finished_at: Some(1_700_000_003),
    });
    s.import_learner(u, &doc).await.unwrap();
    u
}

#[tokio::test]
async fn an_export_imported_into_a_fresh_account_exports_the_same() {
    each_backend(|s| async move {
        let ada = busy_learner(&s, "ada").await;
        let doc = s.export_learner(ada, store::now()).await.unwrap();
        assert_eq!(doc.source.username.as_deref(), Some("ada"));
        assert_eq!(
            doc.lessons.iter().map(|l| l.status).collect::<Vec<_>>(),
            [LessonStatus::Done, LessonStatus::Started]
        );
        assert_eq!(doc.ratings.len(), 2, "both ratings, though given in the same second");
        assert_eq!(doc.submissions.len(), 1, "the queued submission has no verdict to carry");
        assert_eq!(doc.submissions[0].verdict, Verdict::AC);

        let bob = s.create_user("bob", "hash").await.unwrap().unwrap();
        let report = s.import_learner(bob, &doc).await.unwrap();
        assert_eq!(report.lessons.added, 2);
        assert_eq!(report.ratings.added, 2);
        assert_eq!(report.submissions.added, 1);
        assert_eq!(report.settings.updated, 2, "keymap (bob had the default) and the last lesson");
        assert_eq!(progress(&s, bob).await, progress(&s, ada).await);
        assert_eq!(s.problem_statuses(bob).await.unwrap().get("lcs"), Some(&domain::ProblemStatus::Solved));
        assert_eq!(s.claim_next_submission(15).await.unwrap().map(|c| c.user), Some(ada), "imports never queue");

        let before = progress(&s, bob).await;
        let again = s.import_learner(bob, &doc).await.unwrap();
        assert_eq!(again.changed(), 0, "{again:?}");
        assert_eq!(progress(&s, bob).await, before, "importing twice changes nothing");
    })
    .await;
}

#[tokio::test]
async fn merge_rules_keep_the_further_and_the_newer() {
    each_backend(|s| async move {
        let ada = s.create_user("ada", "hash").await.unwrap().unwrap();
        s.record_lesson_visit(ada, "go-scheduler").await.unwrap();
        s.save_answer(ada, "q-new", "mine, newer").await.unwrap();
        s.save_answer(ada, "q-old", "mine, older").await.unwrap();
        s.set_editor_keymap(ada, domain::Keymap::Vim).await.unwrap();
        let t = store::now();

        let mut doc = Document::new(
            t,
            None,
            portable::Settings { editor_keymap: domain::Keymap::Standard, desired_retention: 0.8 },
        );
        doc.lessons.push(portable::LessonRecord {
            lesson_id: "go-scheduler".into(),
            status: LessonStatus::Done,
            started_at: t - 100,
            done_at: Some(t - 50),
        });
        let answer = |q: &str, text: &str, at| portable::AnswerRecord {
            question_id: q.into(),
            answer: text.into(),
            updated_at: at,
        };
        doc.answers.push(answer("q-new", "file, older", t - 1000));
        doc.answers.push(answer("q-old", "file, newer", t + 1000));
        let report = s.import_learner(ada, &doc).await.unwrap();
        assert_eq!((report.lessons.updated, report.answers.updated, report.answers.unchanged), (1, 1, 1));

        let after = s.export_learner(ada, 0).await.unwrap();
        assert_eq!(after.lessons[0].status, LessonStatus::Done, "done beats started");
        assert_eq!(after.lessons[0].started_at, t - 100, "the earlier start is kept");
        let text = |q: &str| after.answers.iter().find(|a| a.question_id == q).unwrap().answer.clone();
        assert_eq!((text("q-new"), text("q-old")), ("mine, newer".to_string(), "file, newer".to_string()));
        assert_eq!(after.settings.editor_keymap, domain::Keymap::Vim, "the account's own choice stands");
        assert_eq!(after.settings.desired_retention, 0.8, "a default is replaced by the file's");
    })
    .await;
}

#[tokio::test]
async fn a_failure_midway_rolls_back_the_whole_import() {
    each_backend(|s| async move {
        let ada = busy_learner(&s, "ada").await;
        let mut doc = s.export_learner(ada, 0).await.unwrap();
        let bob = s.create_user("bob", "hash").await.unwrap().unwrap();
        s.save_answer(bob, "ws-starvation", "bob's own").await.unwrap();
        let before = progress(&s, bob).await;
        // Past the parser's checks (it refuses this), the database's CHECK fails on the last
        // step, after every other table was written.
        doc.settings.desired_retention = 0.5;
        s.import_learner(bob, &doc).await.expect_err("the retention is out of range");
        assert_eq!(progress(&s, bob).await, before, "nothing of the failed import is kept");
    })
    .await;
}

#[tokio::test]
async fn a_guest_is_merged_or_discarded_only_when_offered() {
    each_backend(|s| async move {
        let ada = s.create_user("ada", "hash").await.unwrap().unwrap();
        let empty = s.create_guest().await.unwrap();
        assert!(!s.offer_guest_merge(ada, empty).await.unwrap(), "nothing to offer");
        assert!(s.export_learner(empty, 0).await.is_err(), "an empty guest is dropped at once");

        let guest = s.create_guest().await.unwrap();
        s.set_lesson_done(guest, "go-scheduler", true).await.unwrap();
        assert!(s.offer_guest_merge(ada, guest).await.unwrap());
        assert!(s.offer_guest_merge(ada, guest).await.unwrap(), "offering twice is one offer");
        assert_eq!(s.pending_merges(ada).await.unwrap().iter().map(|p| p.guest).collect::<Vec<_>>(), [guest]);
        assert!(!s.offer_guest_merge(guest, ada).await.unwrap(), "a named account is never offered");
        let bob = s.create_user("bob", "hash").await.unwrap().unwrap();
        assert_eq!(s.merge_guest(bob, guest).await.unwrap(), MergeOutcome::NotOffered, "not bob's to merge");

        let MergeOutcome::Merged(report) = s.merge_guest(ada, guest).await.unwrap() else { panic!("not merged") };
        assert_eq!(report.lessons.added, 1);
        assert!(s.is_lesson_done(ada, "go-scheduler").await.unwrap());
        assert!(s.export_learner(guest, 0).await.is_err(), "the guest is gone");
        assert!(s.pending_merges(ada).await.unwrap().is_empty());
        assert_eq!(s.merge_guest(ada, guest).await.unwrap(), MergeOutcome::NotOffered);

        let other = s.create_guest().await.unwrap();
        s.save_answer(other, "q", "guess").await.unwrap();
        assert!(s.offer_guest_merge(ada, other).await.unwrap());
        assert!(s.discard_guest(ada, other).await.unwrap());
        assert!(s.export_learner(other, 0).await.is_err(), "discarded");
        assert_eq!(s.export_learner(ada, 0).await.unwrap().answers.len(), 0, "and nothing of it merged");
    })
    .await;
}
