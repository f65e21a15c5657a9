//! Every store behaviour, on SQLite and (when the test cluster is up) Postgres: the same calls,
//! the same answers.

use std::time::Duration;

use domain::{Language, ProblemStatus, ProgressEvent, Rating, SubmissionResult, SubmissionStatus, Verdict};
mod common;

use common::each_backend;
use store::{Backend, Cancel, Claim, Enqueue, NewSubmission, PendingLimits, Renewal, Store, UserId};

const LIMITS: PendingLimits = PendingLimits { per_learner: 3, per_fair_key: 5, per_minute: 100 };

fn submission<'a>(user: UserId, fair_key: &'a str) -> NewSubmission<'a> {
    NewSubmission {
        user,
        problem_id: "lcs",
        language: Language::Go,
        source: "package main",
        samples_only: false,
        fair_key,
        custom_input: None,
    }
}

fn accepted() -> SubmissionResult {
    SubmissionResult {
        verdict: Verdict::AC,
        title: "Accepted".into(),
        message: None,
        tests: Vec::new(),
        total_tests: 0,
        instructions: 7,
        peak_memory: 0,
        scaling: None,
        custom: None,
    }
}

async fn queued(store: &Store, new: &NewSubmission<'_>) -> i64 {
    match store.enqueue_submission(new, LIMITS).await.unwrap() {
        Enqueue::Queued(id) => id,
        other => panic!("not queued: {other:?}"),
    }
}

#[tokio::test]
async fn accounts_and_sessions() {
    each_backend(|s| async move {
        let guest = s.create_guest().await.unwrap();
        let ada = s.create_user("Ada", "hash-a").await.unwrap().expect("created");
        assert_ne!(guest, ada);
        assert_eq!(s.create_user("ada", "hash-b").await.unwrap(), None, "usernames ignore case");
        let creds = s.credentials("ADA").await.unwrap().expect("found regardless of case");
        assert_eq!((creds.id, creds.password_hash.as_str()), (ada, "hash-a"));
        assert!(s.credentials("nobody").await.unwrap().is_none());

        assert_eq!(s.claim_guest(guest, "ADA", "h").await.unwrap(), Claim::UsernameTaken);
        assert_eq!(s.claim_guest(guest, "grace", "h").await.unwrap(), Claim::Claimed);
        assert_eq!(s.claim_guest(guest, "grace2", "h").await.unwrap(), Claim::NotAGuest);

        s.create_session("token-1", ada).await.unwrap();
        let user = s.session_user("token-1").await.unwrap().expect("live session");
        assert_eq!((user.id, user.username.as_deref()), (ada, Some("Ada")));
        assert!(s.session_user("token-2").await.unwrap().is_none());
        s.delete_session("token-1").await.unwrap();
        assert!(s.session_user("token-1").await.unwrap().is_none());
        assert_eq!(s.purge_expired_sessions().await.unwrap(), 0);
    })
    .await;
}

#[tokio::test]
async fn progress_answers_and_ratings() {
    each_backend(|s| async move {
        let u = s.create_guest().await.unwrap();
        s.record_lesson_visit(u, "l1").await.unwrap();
        s.record_lesson_visit(u, "l2").await.unwrap();
        s.record_lesson_visit(u, "l1").await.unwrap();
        s.set_lesson_done(u, "l2", true).await.unwrap();
        let states = s.lesson_states(u).await.unwrap();
        assert_eq!(states.started.len(), 2);
        assert!(states.done.contains("l2") && !states.done.contains("l1"));
        assert_eq!(states.last_lesson.as_deref(), Some("l1"));
        assert!(s.is_lesson_done(u, "l2").await.unwrap());
        s.set_lesson_done(u, "l2", false).await.unwrap();
        assert!(!s.is_lesson_done(u, "l2").await.unwrap());

        s.save_answer(u, "q1", "first").await.unwrap();
        s.save_answer(u, "q1", "second").await.unwrap();
        s.rate_question(u, "q1", Rating::Hard).await.unwrap();
        s.rate_question(u, "q1", Rating::Easy).await.unwrap();
        s.rate_question(u, "q9", Rating::Again).await.unwrap();
        let q = s.question_states(u, &["q1", "q2"]).await.unwrap();
        assert_eq!(q.answers.get("q1").map(String::as_str), Some("second"));
        assert_eq!(q.ratings.get("q1"), Some(&Rating::Easy), "the newest rating counts");
        assert!(!q.ratings.contains_key("q9"), "only the questions asked about");
        assert!(s.question_states(u, &[]).await.unwrap().answers.is_empty());
        assert_eq!(s.answer_and_rating_counts(u).await.unwrap(), (1, 3));

        let today = store::now() / 86_400;
        let days = s.activity_by_day(u, 0).await.unwrap();
        // 2 lessons started + 1 done (then undone: done_at cleared) + 1 answer + 3 ratings.
        assert_eq!(days.get(&today).copied(), Some(6), "{days:?}");
        assert!(s.activity_by_day(u, store::now() + 86_400).await.unwrap().is_empty());
    })
    .await;
}

#[tokio::test]
async fn predictions_are_kept_and_counted() {
    each_backend(|s| async move {
        let u = s.create_guest().await.unwrap();
        let other = s.create_guest().await.unwrap();
        assert_eq!(s.prediction_tally(u).await.unwrap(), store::PredictionTally { made: 0, right: 0 });
        for (demo, guess, outcome, correct) in [("work-stealing", "4", "3.7", true), ("sync-pool", "10", "41.2", false)]
        {
            let p = store::NewPrediction {
                user: u,
                demo_id: demo,
                params: "workers=8",
                prediction: guess,
                outcome,
                correct,
            };
            s.record_prediction(&p).await.unwrap();
        }
        assert_eq!(s.prediction_tally(u).await.unwrap(), store::PredictionTally { made: 2, right: 1 });
        assert_eq!(s.prediction_tally(other).await.unwrap().made, 0, "per learner");
        let recent = s.recent_predictions(u, 1).await.unwrap();
        assert_eq!(recent.len(), 1);
        assert_eq!((recent[0].demo_id.as_str(), recent[0].correct), ("sync-pool", false), "newest first");
        assert_eq!(recent[0].outcome, "41.2");
    })
    .await;
}

#[tokio::test]
async fn the_pending_cap_holds_under_simultaneous_requests() {
    each_backend(|s| async move {
        let u = s.create_guest().await.unwrap();
        let key = format!("user:{u}");
        let attempts = (0..10).map(|_| {
            let s = s.clone();
            let key = key.clone();
            tokio::spawn(async move { s.enqueue_submission(&submission(u, &key), LIMITS).await.unwrap() })
        });
        let mut outcomes = Vec::new();
        for a in attempts {
            outcomes.push(a.await.unwrap());
        }
        let queued = outcomes.iter().filter(|o| matches!(o, Enqueue::Queued(_))).count();
        assert_eq!(queued, 3, "{outcomes:?}");
        assert!(outcomes.contains(&Enqueue::LearnerBusy { pending: 3 }));

        // Guests from one address share a fair key and its cap.
        let key = "guest@10.0.0.1";
        let mut n = 0;
        for _ in 0..4 {
            let g = s.create_guest().await.unwrap();
            for _ in 0..2 {
                if let Enqueue::Queued(_) = s.enqueue_submission(&submission(g, key), LIMITS).await.unwrap() {
                    n += 1;
                }
            }
        }
        assert_eq!(n, 5);
        let g = s.create_guest().await.unwrap();
        assert_eq!(
            s.enqueue_submission(&submission(g, key), LIMITS).await.unwrap(),
            Enqueue::FairKeyBusy { pending: 5 }
        );
    })
    .await;
}

#[tokio::test]
async fn the_queue_serves_learners_round_robin() {
    each_backend(|s| async move {
        let (a, b, c) =
            (s.create_guest().await.unwrap(), s.create_guest().await.unwrap(), s.create_guest().await.unwrap());
        let (ka, kb, kc) = (format!("user:{a}"), format!("user:{b}"), format!("user:{c}"));
        let a1 = queued(&s, &submission(a, &ka)).await;
        let a2 = queued(&s, &submission(a, &ka)).await;
        let a3 = queued(&s, &submission(a, &ka)).await;
        let first = s.claim_next_submission(30).await.unwrap().unwrap();
        assert_eq!(first.id, a1);
        // b and c arrive while a's first runs; it finishes. They still go before a's second and
        // third: a was served last.
        let b1 = queued(&s, &submission(b, &kb)).await;
        let c1 = queued(&s, &submission(c, &kc)).await;
        assert!(s.finish_submission(a1, &first.lease, &accepted()).await.unwrap());
        let mut order = Vec::new();
        while let Some(next) = s.claim_next_submission(30).await.unwrap() {
            order.push(next.id);
        }
        assert_eq!(order, [b1, c1, a2, a3]);
    })
    .await;
}

#[tokio::test]
async fn a_lease_is_renewed_by_its_holder_and_results_are_stored_once() {
    each_backend(|s| async move {
        let u = s.create_guest().await.unwrap();
        let key = format!("user:{u}");
        let id = queued(&s, &submission(u, &key)).await;
        let claim = s.claim_next_submission(30).await.unwrap().unwrap();
        assert_eq!((claim.id, claim.language, claim.attempts), (id, Language::Go, 1));
        assert_eq!(s.submission(u, id).await.unwrap().unwrap().status, SubmissionStatus::Running);
        assert!(s.claim_next_submission(30).await.unwrap().is_none(), "nothing else waits");
        assert_eq!(s.renew_lease(id, &claim.lease, 30).await.unwrap(), Renewal::Held);

        let mut forged = claim.lease.clone();
        forged.token = "not-the-token".into();
        assert_eq!(s.renew_lease(id, &forged, 30).await.unwrap(), Renewal::Lost);
        assert!(!s.finish_submission(id, &forged, &accepted()).await.unwrap());

        assert!(s.finish_submission(id, &claim.lease, &accepted()).await.unwrap());
        assert!(!s.finish_submission(id, &claim.lease, &accepted()).await.unwrap(), "stored once");
        let row = s.submission(u, id).await.unwrap().unwrap();
        assert_eq!(row.status, SubmissionStatus::Done);
        assert_eq!(row.result.unwrap().instructions, 7);
        assert_eq!(
            s.problem_statuses(u).await.unwrap().into_iter().collect::<Vec<_>>(),
            [("lcs".to_string(), ProblemStatus::Solved)]
        );
        let other = s.create_guest().await.unwrap();
        assert!(s.submission(other, id).await.unwrap().is_none(), "another learner's id reads as missing");
        assert_eq!(s.recent_submissions(u, "lcs", 10).await.unwrap().len(), 1);
        assert_eq!(s.submission_source(u, id).await.unwrap(), Some((Language::Go, "package main".to_string())));
        assert_eq!(s.submission_source(other, id).await.unwrap(), None, "another learner cannot read the code");
    })
    .await;
}

#[tokio::test]
async fn a_problem_is_attempted_until_a_full_submission_is_accepted() {
    each_backend(|s| async move {
        let u = s.create_guest().await.unwrap();
        let key = format!("user:{u}");
        let judge_next = |result: SubmissionResult| {
            let s = s.clone();
            async move {
                let claim = s.claim_next_submission(30).await.unwrap().expect("one waits");
                assert!(s.finish_submission(claim.id, &claim.lease, &result).await.unwrap());
            }
        };
        let wrong = SubmissionResult { verdict: Verdict::WA, title: "Wrong answer".into(), ..accepted() };
        let on = |problem_id, samples_only| NewSubmission { problem_id, samples_only, ..submission(u, &key) };

        // A wrong answer on one problem, an accepted sample run on another, one still queued.
        queued(&s, &on("lcs", false)).await;
        judge_next(wrong.clone()).await;
        queued(&s, &on("kruskal-mst", true)).await;
        judge_next(accepted()).await;
        queued(&s, &on("rate-limiter", false)).await;
        let statuses = s.problem_statuses(u).await.unwrap();
        assert_eq!(statuses.get("lcs"), Some(&ProblemStatus::Attempted));
        assert_eq!(statuses.get("kruskal-mst"), Some(&ProblemStatus::Attempted), "samples alone do not solve it");
        assert_eq!(statuses.get("rate-limiter"), Some(&ProblemStatus::Attempted), "queued counts as an attempt");
        assert_eq!(statuses.len(), 3);
        judge_next(wrong.clone()).await;

        // Accepted once: solved, and a later wrong answer does not take it back.
        queued(&s, &on("lcs", false)).await;
        judge_next(accepted()).await;
        queued(&s, &on("lcs", false)).await;
        judge_next(wrong).await;
        assert_eq!(s.problem_statuses(u).await.unwrap().get("lcs"), Some(&ProblemStatus::Solved));
        let other = s.create_guest().await.unwrap();
        assert!(s.problem_statuses(other).await.unwrap().is_empty(), "statuses are per learner");
    })
    .await;
}

#[tokio::test]
async fn an_expired_lease_goes_back_to_the_queue_and_its_old_holder_cannot_finish() {
    each_backend(|s| async move {
        let u = s.create_guest().await.unwrap();
        let key = format!("user:{u}");
        let id = queued(&s, &submission(u, &key)).await;
        let dead = s.claim_next_submission(0).await.unwrap().unwrap();
        tokio::time::sleep(Duration::from_millis(1100)).await;
        assert_eq!(s.requeue_expired_leases().await.unwrap(), 1);
        let second = s.claim_next_submission(30).await.unwrap().unwrap();
        assert_eq!((second.id, second.attempts), (id, 2));
        assert_eq!(s.renew_lease(id, &dead.lease, 30).await.unwrap(), Renewal::Lost, "the dead worker's lease is gone");
        assert!(!s.finish_submission(id, &dead.lease, &accepted()).await.unwrap());
        assert!(s.finish_submission(id, &second.lease, &accepted()).await.unwrap());
    })
    .await;
}

#[tokio::test]
async fn simultaneous_claims_never_take_the_same_submission() {
    each_backend(|s| async move {
        let mut ids = Vec::new();
        for _ in 0..8 {
            let u = s.create_guest().await.unwrap();
            let key = format!("user:{u}");
            ids.push(queued(&s, &submission(u, &key)).await);
        }
        let claimers = (0..12).map(|_| {
            let s = s.clone();
            tokio::spawn(async move { s.claim_next_submission(30).await.unwrap().map(|c| c.id) })
        });
        let mut claimed = Vec::new();
        for c in claimers {
            claimed.extend(c.await.unwrap());
        }
        claimed.sort();
        assert_eq!(claimed, ids, "each exactly once");
    })
    .await;
}

#[tokio::test]
async fn progress_events_and_queue_wake_ups_arrive() {
    each_backend(|s| async move {
        let mut events = s.subscribe_progress();
        let event = ProgressEvent { submission: 42, done: 1, total: 3, verdict: Some(Verdict::AC), finished: false };
        s.publish_progress(&event).await.unwrap();
        let got = tokio::time::timeout(Duration::from_secs(5), events.recv()).await.expect("event arrives").unwrap();
        assert_eq!(got, event);
        s.announce_queued().await.unwrap();
        tokio::time::timeout(Duration::from_secs(5), s.queued()).await.expect("a wake-up arrives");
        let _ = Backend::Sqlite;
    })
    .await;
}

#[tokio::test]
async fn a_draft_per_problem_and_language_is_kept_updated_and_forgotten() {
    each_backend(|s| async move {
        let u = s.create_guest().await.unwrap();
        assert!(s.drafts(u, "lcs").await.unwrap().is_empty());
        s.save_draft(u, "lcs", Language::Go, "package main // 1").await.unwrap();
        s.save_draft(u, "lcs", Language::Rust, "fn lcs() {}").await.unwrap();
        s.save_draft(u, "lcs", Language::Go, "package main // 2").await.unwrap();
        s.save_draft(u, "kruskal-mst", Language::Go, "other problem").await.unwrap();
        assert_eq!(
            s.drafts(u, "lcs").await.unwrap(),
            [(Language::Rust, "fn lcs() {}".to_string()), (Language::Go, "package main // 2".to_string())],
            "the latest text per language, in language order"
        );
        let other = s.create_guest().await.unwrap();
        assert!(s.drafts(other, "lcs").await.unwrap().is_empty(), "drafts are per learner");
        s.delete_draft(u, "lcs", Language::Go).await.unwrap();
        assert_eq!(s.drafts(u, "lcs").await.unwrap().len(), 1);
        // Text is kept exactly, whatever it holds.
        let odd = "fn main() { println!(\"'; DROP TABLE drafts; -- ünïcødé\\0\"); }\r\n\t";
        s.save_draft(u, "lcs", Language::Rust, odd).await.unwrap();
        assert_eq!(s.drafts(u, "lcs").await.unwrap()[0].1, odd);
    })
    .await;
}

#[tokio::test]
async fn a_learner_cancels_a_waiting_or_running_submission_of_their_own() {
    each_backend(|s| async move {
        let u = s.create_guest().await.unwrap();
        let key = format!("user:{u}");
        let waiting = queued(&s, &submission(u, &key)).await;
        let running = queued(&s, &submission(u, &key)).await;
        let claim = s.claim_next_submission(30).await.unwrap().unwrap();
        assert_eq!(claim.id, waiting, "oldest first");
        let (waiting, running, claim) = (running, waiting, claim);
        let mut cancels = s.subscribe_cancellations();
        let mut progress = s.subscribe_progress();

        let other = s.create_guest().await.unwrap();
        assert_eq!(s.cancel_submission(other, waiting).await.unwrap(), Cancel::NotFound, "not theirs");
        assert_eq!(s.cancel_submission(u, waiting).await.unwrap(), Cancel::Cancelled);
        let row = s.submission(u, waiting).await.unwrap().unwrap();
        assert_eq!(row.status, SubmissionStatus::Done);
        assert_eq!(row.result.unwrap().verdict, Verdict::Cancelled);
        let event = progress.recv().await.unwrap();
        assert_eq!((event.submission, event.finished, event.verdict), (waiting, true, Some(Verdict::Cancelled)));
        assert!(s.claim_next_submission(30).await.unwrap().is_none(), "a cancelled submission is never claimed");

        assert_eq!(s.cancel_submission(u, running).await.unwrap(), Cancel::Stopping);
        assert_eq!(cancels.recv().await.unwrap(), running, "its worker hears it");
        assert_eq!(s.renew_lease(running, &claim.lease, 30).await.unwrap(), Renewal::CancelRequested);
        assert!(s.finish_submission(running, &claim.lease, &SubmissionResult::cancelled()).await.unwrap());
        assert_eq!(s.cancel_submission(u, running).await.unwrap(), Cancel::AlreadyDone);
        assert_eq!(s.cancel_submission(u, 999_999).await.unwrap(), Cancel::NotFound);

        // A worker that dies after the learner cancelled: the next claim sees the request.
        let again = queued(&s, &submission(u, &key)).await;
        let dead = s.claim_next_submission(0).await.unwrap().unwrap();
        assert_eq!(s.cancel_submission(u, again).await.unwrap(), Cancel::Stopping);
        tokio::time::sleep(Duration::from_millis(1100)).await;
        assert_eq!(s.requeue_expired_leases().await.unwrap(), 1);
        let next = s.claim_next_submission(30).await.unwrap().unwrap();
        assert_eq!((next.id, next.cancel_requested, dead.cancel_requested), (again, true, false));
    })
    .await;
}

#[tokio::test]
async fn custom_input_runs_are_queued_like_tests_but_kept_out_of_history_and_status() {
    each_backend(|s| async move {
        let u = s.create_guest().await.unwrap();
        let key = format!("user:{u}");
        let custom = NewSubmission { custom_input: Some("3\nabc\n"), samples_only: true, ..submission(u, &key) };
        let id = queued(&s, &custom).await;
        let claim = s.claim_next_submission(30).await.unwrap().unwrap();
        assert_eq!((claim.id, claim.custom_input.as_deref()), (id, Some("3\nabc\n")));
        assert!(s.finish_submission(id, &claim.lease, &accepted()).await.unwrap());
        assert!(s.recent_submissions(u, "lcs", 10).await.unwrap().is_empty(), "not in the history");
        assert!(s.problem_statuses(u).await.unwrap().is_empty(), "does not make the problem attempted");
        assert_eq!(s.submission(u, id).await.unwrap().unwrap().id, id, "its result is readable by id");
        // It counts against the pending cap like any run.
        for _ in 0..3 {
            queued(&s, &custom).await;
        }
        assert_eq!(s.enqueue_submission(&custom, LIMITS).await.unwrap(), Enqueue::LearnerBusy { pending: 3 });
    })
    .await;
}

#[tokio::test]
async fn a_learner_who_submits_too_often_is_told_when_to_try_again() {
    each_backend(|s| async move {
        let u = s.create_guest().await.unwrap();
        let key = format!("user:{u}");
        let limits = PendingLimits { per_minute: 4, ..LIMITS };
        let mut made = Vec::new();
        for _ in 0..4 {
            let Enqueue::Queued(id) = s.enqueue_submission(&submission(u, &key), limits).await.unwrap() else {
                panic!("within the rate")
            };
            made.push(id);
            // Judged at once (a fast compile error): the pending cap never binds.
            let claim = s.claim_next_submission(30).await.unwrap().unwrap();
            assert!(s.finish_submission(claim.id, &claim.lease, &accepted()).await.unwrap());
        }
        match s.enqueue_submission(&submission(u, &key), limits).await.unwrap() {
            Enqueue::TooFast { retry_after } => assert!((1..=61).contains(&retry_after), "{retry_after}"),
            other => panic!("the fifth in a minute is refused: {other:?}"),
        }
        // Simultaneous requests cannot slip past it either.
        let v = s.create_guest().await.unwrap();
        let vkey = format!("user:{v}");
        let attempts: Vec<_> = (0..8)
            .map(|_| {
                let (s, vkey) = (s.clone(), vkey.clone());
                tokio::spawn(async move {
                    s.enqueue_submission(&submission(v, &vkey), PendingLimits { per_learner: 100, ..limits })
                        .await
                        .unwrap()
                })
            })
            .collect();
        let mut queued = 0;
        for a in attempts {
            if matches!(a.await.unwrap(), Enqueue::Queued(_)) {
                queued += 1;
            }
        }
        assert_eq!(queued, 4);
    })
    .await;
}

#[tokio::test]
async fn the_editor_keymap_is_kept_per_account() {
    each_backend(|s| async move {
        let (a, b) = (s.create_guest().await.unwrap(), s.create_guest().await.unwrap());
        assert_eq!(s.editor_keymap(a).await.unwrap(), domain::Keymap::Standard, "the default");
        s.set_editor_keymap(a, domain::Keymap::Vim).await.unwrap();
        assert_eq!(s.editor_keymap(a).await.unwrap(), domain::Keymap::Vim);
        assert_eq!(s.editor_keymap(b).await.unwrap(), domain::Keymap::Standard, "per account");
        s.set_editor_keymap(a, domain::Keymap::Standard).await.unwrap();
        assert_eq!(s.editor_keymap(a).await.unwrap(), domain::Keymap::Standard);
    })
    .await;
}

#[tokio::test]
async fn reviews_are_logged_and_move_their_card() {
    each_backend(|s| async move {
        let u = s.create_guest().await.unwrap();
        let card = domain::CardKind::Question.card("gmp-q1");
        assert_eq!(s.card_state(u, &card).await.unwrap(), None, "not met yet");
        let t = 1_900_000_000;
        let first = store::Review {
            card: card.clone(),
            rating: Rating::Good,
            at: t,
            stability: 2.3065,
            difficulty: 2.118,
            interval_days: 2,
            due: t + 2 * 86_400,
        };
        s.record_review(u, &first).await.unwrap();
        let again =
            store::Review { rating: Rating::Again, at: t + 2 * 86_400, due: t + 2 * 86_400 + 600, ..first.clone() };
        s.record_review(u, &again).await.unwrap();
        let state = s.card_state(u, &card).await.unwrap().unwrap();
        assert_eq!(
            (state.reps, state.lapses, state.due, state.last_review),
            (2, 1, t + 2 * 86_400 + 600, Some(t + 2 * 86_400))
        );
        assert_eq!(state.memory, Some((2.3065, 2.118)));
        assert_eq!(s.review_log(u, &card).await.unwrap(), [(Rating::Good, t), (Rating::Again, t + 2 * 86_400)]);

        let problem = domain::CardKind::Problem.card("lcs");
        s.record_review(u, &store::Review { card: problem.clone(), due: t + 5 * 86_400, ..first.clone() })
            .await
            .unwrap();
        let counts = |now| {
            let s = s.clone();
            async move { s.due_counts(u, now).await.unwrap() }
        };
        assert_eq!(counts(t).await, store::DueCounts { now: 0, week: 2 });
        assert_eq!(counts(t + 3 * 86_400).await, store::DueCounts { now: 1, week: 2 });
        let due = s.due_cards(u, t + 6 * 86_400, i64::MAX, 10).await.unwrap();
        assert_eq!(
            due.iter().map(|c| c.card.clone()).collect::<Vec<_>>(),
            [card.clone(), problem],
            "most overdue first"
        );
        let not_just_seen = s.due_cards(u, t + 6 * 86_400, t + 86_400, 10).await.unwrap();
        assert_eq!(not_just_seen.len(), 1, "the question was reviewed on day 2: {not_just_seen:?}");
        let other = s.create_guest().await.unwrap();
        assert_eq!(s.due_counts(other, t + 9 * 86_400).await.unwrap(), store::DueCounts::default(), "per learner");
    })
    .await;
}
