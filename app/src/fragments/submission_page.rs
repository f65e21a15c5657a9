//! One submission on its own page: which problem, when, its code, and the judge's full report.
//! Works without JavaScript: a submission still waiting refreshes the page until it is done.

use domain::SubmissionView;
use leptos::prelude::*;

use super::submission_history::ago;
use super::verdict_table::VerdictTable;

/// Seconds between refreshes while the judge has not finished (pages without JavaScript).
const REFRESH_SECS: u32 = 2;

#[component]
pub fn SubmissionPage(submission: SubmissionView, source: String, title: Option<String>, now: i64) -> impl IntoView {
    let problem = submission.problem_id.clone();
    let pending = submission.result.is_none();
    let id = submission.id;
    let what = match (&submission.result, submission.samples_only) {
        (Some(r), _) if r.custom.is_some() => "custom input",
        (_, true) => "sample tests",
        (_, false) => "all tests",
    };
    view! {
        {pending.then(|| view! { <meta http-equiv="refresh" content=REFRESH_SECS.to_string() /> })}
        <h1>{format!("Submission #{id}")}</h1>
        <p class="muted">
            <a href=format!("/problems/{problem}")>{title.unwrap_or_else(|| problem.clone())}</a>
            {format!(" · {} · {what} · {}", submission.language.label(), ago(now - submission.created_at))}
        </p>
        {if pending {
            view! {
                <p role="status">
                    "The judge has not finished yet; this page refreshes by itself. "
                    <a href=format!("/submissions/{id}")>"Refresh now"</a>
                </p>
            }
            .into_any()
        } else {
            view! { <VerdictTable submission /> }.into_any()
        }}
        <h2>"Code"</h2>
        <pre class="submitted-code" tabindex="0" aria-label="Submitted code"><code>{source}</code></pre>
        <p>
            <a class="button" href=format!("/problems/{problem}?restore={id}")>"Restore into editor"</a>
        </p>
    }
}
