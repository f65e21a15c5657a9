use leptos::prelude::*;

use domain::ProblemStatus;

/// A learner's standing with a problem, beside it wherever it is listed.
#[component]
pub fn StatusMark(status: ProblemStatus) -> impl IntoView {
    let text = match status {
        ProblemStatus::Solved => "✓ Solved",
        ProblemStatus::Attempted => "Attempted",
        ProblemStatus::New => "Not tried yet",
    };
    view! { <span class=format!("status-mark {}", status.as_str())>{text}</span> }
}
