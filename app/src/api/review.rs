//! Spaced review as the pages see it (the scheduling is `crate::ssr::review`).

use leptos::prelude::*;

use super::ApiError;
#[cfg(feature = "ssr")]
use {
    super::respond,
    crate::ssr::{AppState, session, state::internal},
};

/// Cards due now and within seven days (the second includes the first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct DueCards {
    pub due_now: i64,
    pub due_week: i64,
}

/// The learner's due counts; zeros for a visitor.
#[server(endpoint = "review_summary")]
pub async fn review_summary() -> Result<DueCards, ApiError> {
    respond(async {
        let state = AppState::current()?;
        let Some(user) = session::current_user(&state).await? else { return Ok(DueCards::default()) };
        let counts = state.store.due_counts(user.id, store::now()).await.map_err(internal("counting due cards"))?;
        Ok(DueCards { due_now: counts.now, due_week: counts.week })
    })
    .await
}

/// The home page's line about review, as HTML (empty for a visitor or a learner with no cards).
#[server(endpoint = "review_summary_html")]
pub async fn review_summary_html() -> Result<String, ApiError> {
    let summary = review_summary().await?;
    if summary.due_week == 0 {
        return Ok(String::new());
    }
    Ok(view! {
        <p class="review-summary" data-due-now=summary.due_now data-due-week=summary.due_week>
            {format!(
                "Review: {} card{} due today, {} in the next 7 days.",
                summary.due_now,
                if summary.due_now == 1 { "" } else { "s" },
                summary.due_week
            )}
        </p>
    }
    .to_html())
}

/// Seven days, the horizon of "review ahead".
#[cfg(feature = "ssr")]
const WEEK: i64 = 7 * 86_400;

/// The next card to review as HTML (`ahead`: also cards due within seven days), or what is
/// coming when nothing is due.
#[server(endpoint = "review_card_html")]
pub async fn review_card_html(ahead: bool) -> Result<String, ApiError> {
    use crate::fragments::review_card::{NothingDue, ReviewCard, ReviewCardView};
    use domain::CardKind;
    respond(async {
        let state = AppState::current()?;
        let user = session::require_user(&state).await?;
        let now = store::now();
        let counts = state.store.due_counts(user.id, now).await.map_err(internal("counting due cards"))?;
        // Reviewing ahead: what is due within a week, except what was reviewed in the last hour.
        let (until, reviewed_before) = if ahead { (now + WEEK, now - 3600) } else { (now, i64::MAX) };
        // A card whose content was removed from the course is skipped, not shown broken.
        let due =
            state.store.due_cards(user.id, until, reviewed_before, 50).await.map_err(internal("reading due cards"))?;
        let scheduler = crate::ssr::review::LearnerSettings::load(&state.store, user.id)
            .await
            .and_then(|s| s.scheduler())
            .map_err(internal("reading review settings"))?;
        for card in due {
            let (title_html, answer_html, own_answer, context) = match card.card.kind {
                CardKind::Question => {
                    let Some(lesson) = state.catalog.lesson_of_question(&card.card.id) else { continue };
                    let Some(q) = lesson.questions.iter().find(|q| q.id.as_str() == card.card.id) else { continue };
                    let own = state
                        .store
                        .question_states(user.id, &[card.card.id.as_str()])
                        .await
                        .map_err(internal("reading the answer"))?
                        .answers
                        .remove(&card.card.id);
                    let context = (format!("/lessons/{}", lesson.id), lesson.title.clone());
                    (q.prompt_html.clone(), q.answer_html.clone(), own, Some(context))
                }
                CardKind::Problem => {
                    let Some(p) = state.catalog.problems.get(card.card.id.as_str()) else { continue };
                    let title = view! { <h2>{p.title.clone()}</h2> }.to_html();
                    (title, String::new(), None, Some(("/problems".to_string(), "Problem".to_string())))
                }
            };
            let buttons =
                crate::ssr::review::preview(&scheduler, &card, now).map_err(internal("previewing the schedule"))?;
            let view = ReviewCardView {
                kind: card.card.kind,
                id: card.card.id,
                title_html,
                answer_html,
                own_answer,
                context,
                buttons,
                ahead,
                due_now: counts.now,
                due_week: counts.week,
            };
            return Ok(view! { <ReviewCard card=view /> }.to_html());
        }
        Ok(view! { <NothingDue due_week=counts.week /> }.to_html())
    })
    .await
}

/// A rating from the review page's form: schedules the card and goes back to the page (for a
/// browser without JavaScript, and with it: the page is server-rendered either way). A
/// problem's only rating here is "give up" (Again); the judge gives the others.
#[server(endpoint = "review_rate")]
pub async fn review_rate(kind: String, card_id: String, rating: String, ahead: bool) -> Result<(), ApiError> {
    use domain::{CardKind, Rating};
    respond(async {
        let state = AppState::current()?;
        let user = session::require_user(&state).await?;
        let kind: CardKind = kind.parse().map_err(|_| ApiError::bad_input("Kind is question or problem."))?;
        let rating: Rating = rating.parse().map_err(|_| ApiError::bad_input("Rating is again, hard, good or easy."))?;
        let card = kind.card(card_id);
        if state.store.card_state(user.id, &card).await.map_err(internal("reading the card"))?.is_none() {
            return Err(ApiError::NotFound("Review card".into()));
        }
        if kind == CardKind::Problem && rating != Rating::Again {
            return Err(ApiError::bad_input("A problem is rated by the judge; solve it again, or give up."));
        }
        crate::ssr::review::record(&state.store, user.id, card, rating, store::now())
            .await
            .map_err(internal("scheduling the review"))?;
        leptos_axum::redirect(if ahead { "/review?ahead=1" } else { "/review" });
        Ok(())
    })
    .await
}
