//! A run on the learner's own input: their output and the reference's side by side, how each
//! ended and what it cost.

use domain::{CustomRun, RunReport};
use leptos::prelude::*;

use crate::api::human_count;

#[component]
pub fn CustomRunReport(run: CustomRun) -> impl IntoView {
    let CustomRun { input, yours, reference, same_output, note } = run;
    let agreement = match same_output {
        Some(true) => "Your output matches the reference's.",
        Some(false) => "Your output differs from the reference's.",
        None => "No comparison: one of the runs did not finish.",
    };
    view! {
        <div class="custom-run">
            <p class="muted">{agreement}</p>
            {note.map(|n| view! { <p class="note" role="note">{n}</p> })}
            <div class="io">
                <div><h4>"Input"</h4><pre tabindex="0">{input}</pre></div>
                <RunColumn title="Your program" run=Some(yours) />
                <RunColumn title="Reference solution" run=reference />
            </div>
        </div>
    }
}

#[component]
fn RunColumn(title: &'static str, run: Option<RunReport>) -> impl IntoView {
    let Some(run) = run else {
        return view! { <div><h4>{title}</h4><p class="muted">"Did not finish on this input."</p></div> }.into_any();
    };
    view! {
        <div class="run-column">
            <h4>{title}</h4>
            <pre class="stdout" tabindex="0" aria-label=format!("{title}: standard output")>{run.stdout}</pre>
            {(!run.stderr.is_empty()).then(|| view! {
                <pre class="stderr" tabindex="0" aria-label=format!("{title}: standard error")>{run.stderr.clone()}</pre>
            })}
            <p class="muted small">
                {format!(
                    "{} · {} / {} instructions · peak memory {} KiB",
                    run.end.describe(),
                    human_count(run.instructions),
                    human_count(run.instruction_limit),
                    run.peak_memory / 1024
                )}
            </p>
        </div>
    }
    .into_any()
}
