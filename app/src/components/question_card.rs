//! A discussion question: write an answer, reveal the model answer, rate how well you knew it.

use leptos::prelude::*;

use crate::api::fields::{AnswerText, Rating};
use crate::api::{QuestionView, RateQuestion, SaveAnswer};
use crate::app::AuthActions;
use crate::components::bookmark_button::BookmarkButton;
use crate::components::error_box::action_error;

#[component]
pub fn QuestionCard(question: QuestionView, index: usize, logged_in: bool) -> impl IntoView {
    let QuestionView { id, prompt_html, answer_html, my_answer, last_rating, bookmarked } = question;
    let heading_id = format!("q-{id}");
    let labelled_by = heading_id.clone();
    let data_id = id.clone();
    let form_id = id.clone();
    let bookmark_id = id.clone();
    view! {
        <article class="question" aria-labelledby=labelled_by data-question=data_id>
            <h3 id=heading_id>{format!("Question {}", index + 1)}</h3>
            <div class="prompt" inner_html=prompt_html></div>
            {if logged_in {
                view! { <AnswerForm question_id=form_id initial=my_answer.unwrap_or_default() /> }.into_any()
            } else {
                view! { <StartToSave /> }.into_any()
            }}
            <details class="reveal">
                <summary>"Reveal the model answer"</summary>
                <div class="model-answer" inner_html=answer_html></div>
                {logged_in.then(|| view! { <RatingForms question_id=id initial=last_rating /> })}
            </details>
            {logged_in.then(|| view! {
                <BookmarkButton kind=domain::BookmarkKind::Question target_id=bookmark_id on=bookmarked what="this question" />
            })}
        </article>
    }
}

#[component]
fn AnswerForm(question_id: String, initial: String) -> impl IntoView {
    let save = ServerAction::<SaveAnswer>::new();
    let status = move || match save.value().get() {
        Some(Ok(())) => Some(view! { <span class="saved" role="status">"Saved ✓"</span> }),
        _ => None,
    };
    view! {
        <ActionForm action=save attr:class="answer-form">
            <input type="hidden" name="question_id" value=question_id.clone() />
            <label for=format!("answer-{question_id}")>"Your answer"</label>
            <textarea
                id=format!("answer-{question_id}")
                name="answer"
                rows="5"
                maxlength=AnswerText::MAX
                required
                placeholder="Answer in your own words before you reveal ours."
            >
                {crate::components::textarea_text::textarea_text(&initial)}
            </textarea>
            <div class="row">
                <button type="submit" disabled=move || save.pending().get()>"Save answer"</button>
                {status}
                {action_error(save.value())}
            </div>
        </ActionForm>
    }
}

#[component]
fn RatingForms(question_id: String, initial: Option<Rating>) -> impl IntoView {
    let rate = ServerAction::<RateQuestion>::new();
    let current = move || match rate.value().get() {
        Some(Ok(r)) => Some(r),
        _ => initial,
    };
    view! {
        <div class="rating" role="group" aria-label="How well did you know it?">
            <span>"How well did you know it?"</span>
            {Rating::ALL
                .iter()
                .copied()
                .map(|r| {
                    let question_id = question_id.clone();
                    view! {
                        <ActionForm action=rate attr:class="rate-form">
                            <input type="hidden" name="question_id" value=question_id />
                            <input type="hidden" name="rating" value=r.as_str() />
                            <button
                                type="submit"
                                class=format!("rate rate-{}", r.as_str())
                                aria-pressed=move || (current() == Some(r)).to_string()
                            >
                                {r.label()}
                            </button>
                        </ActionForm>
                    }
                })
                .collect_view()}
            {move || current().map(|r| view! { <span class="saved" role="status">{format!("Rated: {}", r.label())}</span> })}
            {action_error(rate.value())}
        </div>
    }
}

/// For visitors without an account: one click starts a guest account.
#[component]
pub fn StartToSave() -> impl IntoView {
    let auth = expect_context::<AuthActions>();
    view! {
        <div class="start-to-save">
            <ActionForm action=auth.guest>
                <button type="submit">"Start as guest to save answers"</button>
            </ActionForm>
            <span>" or " <a href="/login">"log in"</a></span>
        </div>
    }
}
