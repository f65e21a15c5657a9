use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::static_html::WithoutContentHtml;
use crate::api::{ApiError, LessonView, Linked, SetLessonDone, get_lesson};
use crate::app::AuthActions;
use crate::components::error_box::{ErrorBox, action_error};
use crate::components::note_panel::{NoteBody, NotePanel, note_resource};
use crate::components::question_card::{QuestionCard, StartToSave};
use crate::components::status_mark::StatusMark;
use crate::pages::not_found::NotFound;

#[component]
pub fn LessonPage() -> impl IntoView {
    let params = use_params_map();
    let auth = expect_context::<AuthActions>();
    let id = move || params.read().get("id").unwrap_or_default();
    // The lesson's HTML travels once, in the DOM: see `static_html`.
    let lesson = Resource::<_, WithoutContentHtml>::new_with_options(
        move || (id(), auth.version()),
        |(id, _)| get_lesson(id),
        false,
    );
    let note = note_resource(domain::NoteTarget::Lesson, id);
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading the lesson…"</p> }>
            {move || Suspend::new(async move {
                match lesson.await {
                    Ok(l) => {
                        let note = note.await;
                        view! { <LessonBody lesson=l note /> }.into_any()
                    }
                    Err(ApiError::NotFound(_)) => view! { <NotFound /> }.into_any(),
                    Err(e) => view! { <ErrorBox error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn LessonBody(lesson: LessonView, note: NoteBody) -> impl IntoView {
    let LessonView {
        id,
        title,
        summary,
        minutes,
        section_title,
        html,
        toc,
        takeaways,
        questions,
        problems,
        demos,
        demos_html,
        prev,
        next,
        logged_in,
        done,
    } = lesson;
    let data_id = id.clone();
    keyboard_navigation(prev.as_ref().map(|l| l.id.clone()), next.as_ref().map(|l| l.id.clone()));
    view! {
        <Title text=title.clone() />
        <div class="lesson-layout">
            <aside class="toc" aria-label="On this page">
                <h2>"On this page"</h2>
                <ol>
                    {toc
                        .into_iter()
                        .map(|t| {
                            view! {
                                <li class=format!("toc-{}", t.level)>
                                    <a href=format!("#{}", t.anchor)>{t.text}</a>
                                </li>
                            }
                        })
                        .collect_view()}
                    {(!demos_html.is_empty()).then(|| view! { <li class="toc-2"><a href="#demos">"Demos"</a></li> })}
                    {(!questions.is_empty()).then(|| view! { <li class="toc-2"><a href="#questions">"Questions"</a></li> })}
                </ol>
            </aside>
            <article class="lesson" data-lesson=data_id>
                <p class="crumb">{section_title}" · "{format!("{minutes} min read")}</p>
                <h1>{title}</h1>
                <p class="summary">{summary}</p>
                {(!takeaways.is_empty()).then(|| view! {
                    <section class="takeaways" aria-label="Key takeaways">
                        <h2>"Key takeaways"</h2>
                        <ul>{takeaways.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                    </section>
                })}
                <div class="prose" inner_html=html></div>
                <Practice problems demos />
                {(!demos_html.is_empty()).then(|| view! {
                    <section class="demos" id="demos" inner_html=demos_html></section>
                })}
                {(!questions.is_empty()).then(|| view! {
                    <section class="questions" id="questions">
                        <h2>"Questions"</h2>
                        <p class="muted">"Answer in your own words, then reveal ours and rate how well you knew it."</p>
                        {questions
                            .into_iter()
                            .enumerate()
                            .map(|(i, q)| view! { <QuestionCard question=q index=i logged_in /> })
                            .collect_view()}
                    </section>
                })}
                <DoneToggle lesson_id=id logged_in done />
                <NotePanel note />
                <nav class="prev-next" aria-label="Lessons">
                    {prev.map(|l| view! {
                        <A href=format!("/lessons/{}", l.id) attr:class="prev" attr:rel="prev">
                            <small>"← Previous"</small>
                            <span>{l.title}</span>
                        </A>
                    })}
                    {next.map(|l| view! {
                        <A href=format!("/lessons/{}", l.id) attr:class="next" attr:rel="next">
                            <small>"Next →"</small>
                            <span>{l.title}</span>
                        </A>
                    })}
                </nav>
            </article>
        </div>
    }
}

#[component]
fn Practice(problems: Vec<Linked>, demos: Vec<Linked>) -> impl IntoView {
    if problems.is_empty() && demos.is_empty() {
        return None;
    }
    let item = |kind: &'static str, l: Linked| {
        // Demos are on this page, below; problems have pages of their own.
        let href = if kind == "demos" { format!("#demo-{}", l.id) } else { format!("/{kind}/{}", l.id) };
        if l.available {
            let status = l.status.map(|status| view! { <StatusMark status /> });
            view! { <li data-status=l.status.map(|s| s.as_str())><a href=href>{l.title}</a>{status}</li> }.into_any()
        } else {
            view! { <li class="soon">{l.title}<span class="badge">"coming soon"</span></li> }.into_any()
        }
    };
    Some(view! {
        <section class="practice" aria-label="Practice">
            {(!problems.is_empty()).then(|| view! {
                <h2>"Problems"</h2>
                <ul>{problems.into_iter().map(|p| item("problems", p)).collect_view()}</ul>
            })}
            {(!demos.is_empty()).then(|| view! {
                <h2>"Demos"</h2>
                <ul>{demos.into_iter().map(|d| item("demos", d)).collect_view()}</ul>
            })}
        </section>
    })
}

#[component]
fn DoneToggle(lesson_id: String, logged_in: bool, done: bool) -> impl IntoView {
    if !logged_in {
        return view! { <div class="done-toggle"><StartToSave /></div> }.into_any();
    }
    let action = ServerAction::<SetLessonDone>::new();
    let is_done = move || match action.value().get() {
        Some(Ok(v)) => v,
        _ => done,
    };
    view! {
        <div class="done-toggle" class:is-done=is_done>
            <ActionForm action=action>
                <input type="hidden" name="lesson_id" value=lesson_id />
                <input type="hidden" name="done" value=move || (!is_done()).to_string() />
                <button type="submit" aria-pressed=move || is_done().to_string()>
                    {move || if is_done() { "✓ Done — mark as not done" } else { "Mark lesson done" }}
                </button>
            </ActionForm>
            {action_error(action.value())}
        </div>
    }
    .into_any()
}

/// ← and → go to the previous and next lesson, unless the learner is typing.
fn keyboard_navigation(prev: Option<String>, next: Option<String>) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        use leptos_router::hooks::use_navigate;
        let navigate = use_navigate();
        let handle = window_event_listener(leptos::ev::keydown, move |ev| {
            if ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.default_prevented() {
                return;
            }
            let typing = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .map(|el| {
                    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                        || el.closest("[contenteditable]").ok().flatten().is_some()
                })
                .unwrap_or(false);
            if typing {
                return;
            }
            let target = match ev.key().as_str() {
                "ArrowLeft" => prev.as_ref(),
                "ArrowRight" => next.as_ref(),
                _ => None,
            };
            if let Some(id) = target {
                ev.prevent_default();
                navigate(&format!("/lessons/{id}"), Default::default());
            }
        });
        on_cleanup(move || handle.remove());
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (prev, next);
}
