use leptos::prelude::*;

use crate::api::Outline;
use crate::fragments::progress_bar::ProgressBar;

/// The outline is static HTML (plain links, which the router still follows without a reload):
/// rendered on the server by `outline_html`, it adds nothing to the browser bundle.
#[component]
pub fn CourseOutline(outline: Outline) -> impl IntoView {
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
                    <a href=format!("/lessons/{}", l.id) class="button continue">
                        {format!("{verb}: {}", l.title)}
                    </a>
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
                                                <a href=format!("/lessons/{}", l.id)>{l.title}</a>
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
