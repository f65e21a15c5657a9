//! The review page's card: a question to recall (Space shows the answer, 1–4 rate it, each
//! button saying when the card would come back) or a problem to solve again from a blank editor.
//! Plain forms: it works without JavaScript; `/pkg/review/keys.js` adds the keys.

use domain::{CardKind, Rating};
use leptos::prelude::*;

/// Everything the card shows, gathered by `review_card_html`.
pub struct ReviewCardView {
    pub kind: CardKind,
    pub id: String,
    /// A question's prompt, or a problem's title.
    pub title_html: String,
    pub answer_html: String,
    /// The learner's own saved answer to a question.
    pub own_answer: Option<String>,
    pub context: Option<(String, String)>,
    pub buttons: [(Rating, u32); 4],
    pub ahead: bool,
    pub due_now: i64,
    pub due_week: i64,
}

/// "10 min", "3 d", "2.5 mo", "1.2 y": when a card would come back.
pub fn interval_label(days: u32) -> String {
    match days {
        0 => "10 min".into(),
        1..=30 => format!("{days} d"),
        31..=364 => format!("{:.1} mo", f64::from(days) / 30.0),
        _ => format!("{:.1} y", f64::from(days) / 365.0),
    }
}

#[component]
pub fn ReviewCard(card: ReviewCardView) -> impl IntoView {
    let ReviewCardView { kind, id, title_html, answer_html, own_answer, context, buttons, ahead, due_now, due_week } =
        card;
    let form = move |rating: Rating, label: String, key: usize| {
        view! {
            <button type="submit" name="rating" value=rating.as_str() data-key=key.to_string() class=format!("rate-{rating}")>
                {format!("{} · {label}", rating.label())}
                <kbd aria-hidden="true">{key}</kbd>
            </button>
        }
    };
    let counts = if ahead {
        format!("Reviewing ahead · {due_week} due in the next 7 days")
    } else {
        format!("{due_now} due now · {due_week} in the next 7 days")
    };
    view! {
        <p class="muted review-counts" data-due-now=due_now data-due-week=due_week>{counts}</p>
        <article class="review-card" data-card=format!("{kind}:{id}")>
            {context.map(|(href, title)| view! { <p class="crumb"><a href=href>{title}</a></p> })}
            <div class="prompt" inner_html=title_html></div>
            <form method="post" action="/api/review_rate">
                <input type="hidden" name="kind" value=kind.as_str() />
                <input type="hidden" name="card_id" value=id.clone() />
                <input type="hidden" name="ahead" value=if ahead { "true" } else { "false" } />
                {match kind {
                    CardKind::Question => view! {
                        <details class="reveal">
                            <summary>"Show answer " <kbd>"Space"</kbd></summary>
                            {own_answer.map(|a| view! { <h3>"Your answer"</h3><p class="own-answer">{a}</p> })}
                            <h3>"Answer"</h3>
                            <div class="answer prose" inner_html=answer_html></div>
                            <p class="muted small">"How well did you recall it?"</p>
                            <div class="ratings">
                                {buttons
                                    .into_iter()
                                    .enumerate()
                                    .map(|(i, (rating, days))| form(rating, interval_label(days), i + 1))
                                    .collect_view()}
                            </div>
                        </details>
                    }
                    .into_any(),
                    CardKind::Problem => view! {
                        <p>
                            "Solve it again from a blank editor. The judge rates it: accepted with no failed \
                             submission → Good, accepted after failures → Hard, giving up → Again."
                        </p>
                        <p class="ratings">
                            <a class="button" href=format!("/problems/{id}?fresh=1")>"Solve again"</a>
                            <button type="submit" name="rating" value="again" data-key="1" class="secondary">
                                {format!("Give up · {}", interval_label(0))}
                                <kbd aria-hidden="true">"1"</kbd>
                            </button>
                        </p>
                    }
                    .into_any(),
                }}
            </form>
        </article>
    }
}

/// Nothing due: when the next card comes, and a way to review ahead.
#[component]
pub fn NothingDue(due_week: i64) -> impl IntoView {
    view! {
        <p class="review-counts" data-due-now="0" data-due-week=due_week>"Nothing to review right now."</p>
        {(due_week > 0).then(|| view! {
            <p>
                {format!("{due_week} card{} due in the next 7 days. ", if due_week == 1 { "" } else { "s" })}
                <a href="/review?ahead=1">"Review ahead"</a>
            </p>
        })}
        {(due_week == 0).then(|| view! {
            <p class="muted">"Rate a lesson's questions or solve a problem, and it comes back here when it is due."</p>
        })}
    }
}
