use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::{Outline, get_outline};
use crate::app::AuthActions;
use crate::components::error_box::ErrorBox;
use crate::components::progress_bar::ProgressBar;

#[component]
pub fn HomePage() -> impl IntoView {
    let auth = expect_context::<AuthActions>();
    let outline = Resource::new(move || auth.version(), |_| get_outline());
    view! {
        <Title text="" />
        <Suspense fallback=|| view! { <p class="loading">"Loading the course…"</p> }>
            {move || Suspend::new(async move {
                match outline.await {
                    Ok(o) => view! { <CourseOutline outline=o /> }.into_any(),
                    Err(e) => view! { <ErrorBox error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CourseOutline(outline: Outline) -> impl IntoView {
    let Outline { sections, continue_with, logged_in } = outline;
    let done: usize = sections.iter().map(|s| s.done()).sum();
    let total: usize = sections.iter().map(|s| s.lessons.len()).sum();
    view! {
        <section class="hero">
            <h1>"Backend lead interview prep"</h1>
            <p>"Go runtime and concurrency, payment-system design, operating systems, algorithms, performance and leadership — as lessons you read, answer and come back to."</p>
            {continue_with.map(|l| {
                let verb = if logged_in && done > 0 { "Continue" } else { "Start" };
                view! {
                    <A href=format!("/lessons/{}", l.id) attr:class="button continue">
                        {format!("{verb}: {}", l.title)}
                    </A>
                }
            })}
            {logged_in.then(|| view! { <ProgressBar done=done total=total label="Course progress" /> })}
        </section>
        <ol class="outline">
            {sections
                .into_iter()
                .map(|s| {
                    let section_done = s.done();
                    let section_total = s.lessons.len();
                    view! {
                        <li class="section" id=format!("section-{}", s.id)>
                            <div class="section-head">
                                <h2>{s.title.clone()}</h2>
                                <ProgressBar done=section_done total=section_total label=format!("{} progress", s.title) />
                            </div>
                            <p class="muted">{s.summary}</p>
                            <ol class="lessons">
                                {s
                                    .lessons
                                    .into_iter()
                                    .map(|l| {
                                        let state = if l.done { "done" } else if l.started { "started" } else { "new" };
                                        view! {
                                            <li class=format!("lesson {state}")>
                                                <A href=format!("/lessons/{}", l.id)>{l.title}</A>
                                                <span class="meta">
                                                    {format!("{} min", l.minutes)}
                                                    {l.done.then_some(" · done ✓")}
                                                </span>
                                                <p class="muted">{l.summary}</p>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ol>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
