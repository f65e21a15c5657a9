//! A learner's submissions to one problem, newest first: verdict, language, what ran, cost,
//! when. Each opens on its own page (code and full report); "Restore" puts its code back in the
//! editor (the workbench handles the click: `data-restore`).

use domain::{SubmissionStatus, SubmissionView};
use leptos::prelude::*;

use crate::api::human_count;

#[component]
pub fn SubmissionHistory(submissions: Vec<SubmissionView>, now: i64) -> impl IntoView {
    if submissions.is_empty() {
        return view! { <p class="muted">"No submissions yet: what you run and submit is listed here."</p> }.into_any();
    }
    view! {
        <table class="history">
            <caption class="visually-hidden">"Your submissions, newest first"</caption>
            <thead>
                <tr>
                    <th scope="col">"#"</th>
                    <th scope="col">"Verdict"</th>
                    <th scope="col">"Language"</th>
                    <th scope="col">"Ran"</th>
                    <th scope="col">"Instructions"</th>
                    <th scope="col">"When"</th>
                    <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                </tr>
            </thead>
            <tbody>
                {submissions.into_iter().map(|s| row(s, now)).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

fn row(s: SubmissionView, now: i64) -> impl IntoView {
    let (verdict, class) = match (&s.result, s.status) {
        (Some(r), _) => (r.verdict.description().to_string(), format!("verdict-{}", r.verdict.css())),
        (None, SubmissionStatus::Running) => ("Running…".into(), "verdict-pending".into()),
        (None, _) => ("Waiting…".into(), "verdict-pending".into()),
    };
    let instructions = s.result.as_ref().filter(|r| r.instructions > 0).map(|r| human_count(r.instructions));
    let id = s.id;
    view! {
        <tr data-submission=id>
            <td>{id}</td>
            <td class=class>{verdict}</td>
            <td>{s.language.label()}</td>
            <td>{if s.samples_only { "samples" } else { "all tests" }}</td>
            <td>{instructions.unwrap_or_else(|| "—".into())}</td>
            <td>{ago(now - s.created_at)}</td>
            <td class="actions">
                <a href=format!("/submissions/{id}") aria-label=format!("Open submission {id}")>"Open"</a>
                <button type="button" class="link" data-restore=id aria-label=format!("Restore submission {id} into the editor")>
                    "Restore"
                </button>
            </td>
        </tr>
    }
}

/// "just now", "5 min ago", "3 h ago", "2 days ago".
pub fn ago(secs: i64) -> String {
    match secs.max(0) {
        0..60 => "just now".into(),
        s @ 60..3600 => format!("{} min ago", s / 60),
        s @ 3600..86_400 => format!("{} h ago", s / 3600),
        s if s < 2 * 86_400 => "yesterday".into(),
        s => format!("{} days ago", s / 86_400),
    }
}
