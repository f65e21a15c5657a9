use leptos::prelude::*;

use domain::Difficulty;

use crate::api::LessonLink;

pub struct Row {
    pub id: String,
    pub title: String,
    pub difficulty: Difficulty,
    pub lesson: Option<LessonLink>,
    pub solved: bool,
    /// Course position of the problem's lesson, for ordering.
    pub position: usize,
}

#[component]
pub fn ProblemList(rows: Vec<Row>) -> impl IntoView {
    let solved = rows.iter().filter(|r| r.solved).count();
    let total = rows.len();
    view! {
        <h1>"Problems"</h1>
        <p class="muted">
            {format!("Solve them in Rust or Go; the judge counts instructions, so the same code always gets the same verdict. Solved: {solved} of {total}.")}
        </p>
        <ol class="problem-list">
            {rows
                .into_iter()
                .map(|r| {
                    let state = if r.solved { "solved" } else { "open" };
                    view! {
                        <li class=format!("problem-row {state}") data-problem=r.id.clone() data-solved=r.solved.to_string()>
                            <a href=format!("/problems/{}", r.id)>{r.title}</a>
                            <span class="badge">{r.difficulty.as_str()}</span>
                            {r.solved.then_some(view! { <span class="solved-mark">" ✓ solved"</span> })}
                            {r.lesson.map(|l| view! {
                                <p class="muted small">"From " <a href=format!("/lessons/{}", l.id)>{l.title}</a></p>
                            })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
