//! Spaced review through the API: each rating moves its card exactly as FSRS computes it (the
//! test recomputes the schedule from the stored review time, so the wall clock never matters),
//! on the learner's desired retention and, once fitted, on their own parameters.

mod common;

use common::{Client, TestServer, first_lesson};
use domain::{CardKind, CardRef, Rating};
use review::{CardMemory, DesiredRetention, Parameters, Scheduler};
use store::{Backend, CardState, Review, Store, UserId};

on_both_backends!(
    each_rating_moves_the_card_as_fsrs_says,
    bad_retentions_are_refused_and_change_nothing,
    parameters_are_fitted_once_there_are_enough_reviews,
);

const DAY: i64 = 86_400;

async fn questions(c: &mut Client, n: usize) -> Vec<String> {
    let (lesson, _) = first_lesson(c).await;
    let view = c.call("lesson", &[("id", &lesson)]).await.json();
    let ids: Vec<String> =
        view["questions"].as_array().unwrap().iter().map(|q| q["id"].as_str().unwrap().to_string()).collect();
    assert!(ids.len() >= n, "the first lesson has {} questions", ids.len());
    ids.into_iter().take(n).collect()
}

async fn user_id(store: &Store, name: &str) -> UserId {
    store.credentials(name).await.unwrap().expect("signed up").id
}

async fn card(store: &Store, user: UserId, id: &str) -> CardState {
    store.card_state(user, &CardKind::Question.card(id)).await.unwrap().expect("scheduled")
}

fn memory(state: &CardState) -> Option<CardMemory> {
    state.memory.map(|(stability, difficulty)| CardMemory { stability, difficulty })
}

/// The card must be where `scheduler` puts it after `rating` given what it was before.
fn assert_scheduled(scheduler: &Scheduler, before: Option<&CardState>, after: &CardState, rating: Rating) {
    let at = after.last_review.expect("reviewed");
    let want = scheduler.review(before.and_then(memory), before.and_then(|b| b.last_review), rating, at).unwrap();
    assert_eq!(
        after.due,
        want.due,
        "{rating:?}: due {} days after review, FSRS says {}",
        (after.due - at) / DAY,
        want.interval_days
    );
    let (s, d) = after.memory.unwrap();
    assert!(
        (s - want.memory.stability).abs() < 1e-4 && (d - want.memory.difficulty).abs() < 1e-4,
        "{rating:?}: {after:?} vs {want:?}"
    );
}

async fn each_rating_moves_the_card_as_fsrs_says(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let store = Store::open(&s.db).await.unwrap();
    let mut c = s.client();
    c.sign_up("scheduled", "long enough").await;
    let user = user_id(&store, "scheduled").await;
    let q = questions(&mut c, 2).await;
    let default = Scheduler::new(DesiredRetention::default());

    // A first Good at the default 0.90: FSRS's initial stability for Good, 2.3 days → due in 2.
    assert_eq!(c.call("rate", &[("question_id", &q[0]), ("rating", "good")]).await.status, 200);
    let first = card(&store, user, &q[0]).await;
    assert_scheduled(&default, None, &first, Rating::Good);
    assert_eq!(first.due - first.last_review.unwrap(), 2 * DAY);

    // Hard right after: the same card, from its stored memory.
    assert_eq!(c.call("rate", &[("question_id", &q[0]), ("rating", "hard")]).await.status, 200);
    let second = card(&store, user, &q[0]).await;
    assert_scheduled(&default, Some(&first), &second, Rating::Hard);
    // Again: back in ten minutes, a lapse counted.
    assert_eq!(c.call("rate", &[("question_id", &q[0]), ("rating", "again")]).await.status, 200);
    let third = card(&store, user, &q[0]).await;
    assert_eq!(third.due - third.last_review.unwrap(), review::AGAIN_AFTER_SECS);
    assert_eq!((third.reps, third.lapses), (3, 1));
    assert_eq!(store.review_log(user, &CardKind::Question.card(&q[0])).await.unwrap().len(), 3, "every rating logged");

    // At a desired retention of 0.80 the same first Good waits longer.
    let r = c.call("set_desired_retention", &[("retention", "0.80")]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(
        c.call("review_settings", &[]).await.json()["desired_retention"].as_f64().map(|v| (v * 100.0).round()),
        Some(80.0)
    );
    assert_eq!(c.call("rate", &[("question_id", &q[1]), ("rating", "good")]).await.status, 200);
    let lower = card(&store, user, &q[1]).await;
    let at_80 = Scheduler::new(DesiredRetention::new(0.80).unwrap());
    assert_scheduled(&at_80, None, &lower, Rating::Good);
    assert!(lower.due - lower.last_review.unwrap() > 2 * DAY, "{lower:?}");
    store.close().await;
    s.stop().await;
}

async fn bad_retentions_are_refused_and_change_nothing(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = s.client();
    assert_eq!(c.call("set_desired_retention", &[("retention", "0.9")]).await.status, 401, "a visitor has no settings");
    c.sign_up("picky", "long enough").await;
    for bad in ["0.5", "0.98", "abc", "", "1e9", "NaN"] {
        let r = c.call("set_desired_retention", &[("retention", bad)]).await;
        assert_eq!(r.status, 400, "{bad}: {}", r.body);
        assert!(r.body.contains("between 0.70 and 0.97"), "{bad}: {}", r.body);
    }
    let settings = c.call("review_settings", &[]).await.json();
    assert_eq!(settings["desired_retention"].as_f64().map(|v| (v * 100.0).round()), Some(90.0), "unchanged");
    assert!(settings["fitted"].is_null());
    // A plain form (no JavaScript) comes back to /settings with the reason, or saying it saved.
    let form = |value: &str| {
        c.http
            .post(s.url("/api/set_desired_retention"))
            .header("accept", "text/html")
            .header("cookie", format!("prep_session={}", c.session.clone().unwrap()))
            .form(&[("retention", value)])
            .send()
    };
    let refused = form("2").await.unwrap();
    assert!(refused.status().is_redirection(), "{}", refused.status());
    let location = refused.headers()["location"].to_str().unwrap().to_string();
    assert!(location.starts_with("/settings?refused="), "{location}");
    let page = c.get(&location).await.body;
    assert!(page.contains("role=\"alert\"") && page.contains("between 0.70 and 0.97"), "the page says why");
    let saved = form("85%").await.unwrap();
    assert_eq!(saved.headers()["location"].to_str().unwrap(), "/settings?saved=retention");
    let page = c.get("/settings").await.body;
    assert!(page.contains("value=\"0.85\""), "the form shows the new value");
    // Fitting with too few reviews says how many are needed.
    let r = c.call("fit_review_parameters", &[]).await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains(&format!("0 of the {} reviews", review::MIN_REVIEWS_TO_FIT)), "{}", r.body);
    s.stop().await;
}

/// The cards numbered `cards`, each reviewed `times` times on FSRS's default schedule starting
/// 400 days ago: a first Good, then a mix of all four ratings (Again comes back the next day).
async fn review_history(store: &Store, user: UserId, cards: std::ops::Range<usize>, times: usize) {
    let scheduler = Scheduler::new(DesiredRetention::default());
    for c in cards {
        let card = CardRef { kind: CardKind::Question, id: format!("history-{c}") };
        let (mut memory, mut last, mut at) = (None, None, store::now() - 400 * DAY + c as i64 * 60);
        for t in 0..times {
            let rating = match (t, (t + c) % 4) {
                (0, _) => Rating::Good,
                (_, 0) => Rating::Again,
                (_, 1) => Rating::Hard,
                (_, 3) => Rating::Easy,
                _ => Rating::Good,
            };
            let next = scheduler.review(memory, last, rating, at).unwrap();
            let review = Review {
                card: card.clone(),
                rating,
                at,
                stability: next.memory.stability,
                difficulty: next.memory.difficulty,
                interval_days: next.interval_days,
                due: next.due,
            };
            store.record_review(user, &review).await.unwrap();
            (memory, last) = (Some(next.memory), Some(at));
            at = if rating == Rating::Again { at + DAY } else { next.due };
        }
    }
}

async fn parameters_are_fitted_once_there_are_enough_reviews(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let store = Store::open(&s.db).await.unwrap();
    let mut c = s.client();
    c.sign_up("fitted", "long enough").await;
    let user = user_id(&store, "fitted").await;
    let q = questions(&mut c, 2).await;

    // 60 usable reviews (15 cards, four after the first each): short of the threshold.
    review_history(&store, user, 0..15, 5).await;
    let settings = c.call("review_settings", &[]).await.json();
    assert_eq!(settings["usable_reviews"].as_u64(), Some(60));
    let page = c.get("/settings").await.body;
    assert!(page.contains("runs on its default parameters"), "{}", &page[..page.len().min(3000)]);
    let r = c.call("fit_review_parameters", &[]).await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("60 of the 64"), "{}", r.body);

    // Ten more cards (90 reviews of 25), then a rating: the fit runs in the background.
    review_history(&store, user, 15..25, 4).await;
    assert_eq!(c.call("rate", &[("question_id", &q[0]), ("rating", "good")]).await.status, 200);
    let mut fitted = serde_json::Value::Null;
    for _ in 0..100 {
        fitted = c.call("review_settings", &[]).await.json()["fitted"].clone();
        if !fitted.is_null() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(!fitted.is_null(), "fitted after the rating");
    let weights: Vec<f32> = serde_json::from_value(fitted["weights"].clone()).unwrap();
    let own = Parameters::new(weights).unwrap();
    assert_ne!(own, Parameters::default(), "the fit moved the parameters");
    assert!(fitted["reviews_used"].as_i64().unwrap() >= review::MIN_REVIEWS_TO_FIT as i64);

    // The page draws the learner's curve beside the defaults, and new ratings use the fit.
    let page = c.get("/settings").await.body;
    assert!(page.contains("class=\"yours\"") && page.contains("class=\"defaults\""), "both curves drawn");
    assert!(page.contains("fitted to"), "the page says the parameters are the learner's");
    assert_eq!(c.call("rate", &[("question_id", &q[1]), ("rating", "good")]).await.status, 200);
    let after = card(&store, user, &q[1]).await;
    assert_scheduled(
        &Scheduler::with_parameters(&own, DesiredRetention::default()).unwrap(),
        None,
        &after,
        Rating::Good,
    );
    // The button refits on demand.
    assert_eq!(c.call("fit_review_parameters", &[]).await.status, 200);
    store.close().await;
    s.stop().await;
}
