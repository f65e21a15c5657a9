use leptos::prelude::*;

use domain::Verdict;

use super::compiler_diagnostics;
use super::custom_run::CustomRunReport;
use super::scaling_chart::ScalingChart;
use crate::api::{SubmissionView, human_count};

/// "1.2 M / 40 M".
fn instructions_of(used: u64, limit: u64) -> String {
    format!("{} / {}", human_count(used), human_count(limit))
}

/// The judge's answer: a headline, compiler output for CE, and one row per test run.
#[component]
pub fn VerdictTable(submission: SubmissionView) -> impl IntoView {
    let Some(result) = submission.result else {
        return view! { <p class="verdict">{format!("Submission #{} is {}.", submission.id, submission.status)}</p> }
            .into_any();
    };
    let class = format!("verdict verdict-{}", result.verdict.css());
    let what = match (&result.custom, submission.samples_only) {
        (Some(_), _) => "Custom input",
        (None, true) => "Sample tests",
        (None, false) => "All tests",
    };
    // A compile error's locations in the learner's file, for the editor to mark (editor.js).
    let diagnostics = (result.verdict == Verdict::CE)
        .then(|| result.message.as_deref().map(|m| compiler_diagnostics::parse(submission.language, m)))
        .flatten()
        .map(|d| serde_json::to_string(&d).unwrap_or_default());
    view! {
        <div class="result" data-verdict=result.verdict.as_str() data-diagnostics=diagnostics>
            <p class=class>{result.headline()}</p>
            <p class="muted">
                {if result.custom.is_some() {
                    format!("{what} · run #{}", submission.id)
                } else {
                    format!(
                        "{what}: {} of {} run · peak memory {} KiB · submission #{}",
                        result.tests.len(),
                        result.total_tests,
                        result.peak_memory / 1024,
                        submission.id,
                    )
                }}
            </p>
            {result.message.map(|m| view! { <pre class="compiler-output">{m}</pre> })}
            {result.scaling.map(|report| view! { <ScalingChart report /> })}
            {result.custom.map(|run| view! { <CustomRunReport run=*run /> })}
            {(!result.tests.is_empty()).then(|| view! {
                <table class="tests">
                    <thead>
                        <tr>
                            <th scope="col">"Test"</th>
                            <th scope="col">"Verdict"</th>
                            <th scope="col">"Instructions"</th>
                            <th scope="col">"Memory"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {result
                            .tests
                            .into_iter()
                            .map(|t| {
                                let label = if t.sample { format!("{} (sample)", t.number) } else { t.number.to_string() };
                                let io = t.io.clone();
                                let detail = t.detail.clone();
                                view! {
                                    <tr class=format!("test-{}", t.verdict.css())>
                                        <th scope="row">{label}</th>
                                        <td>{t.verdict.as_str()}</td>
                                        <td>{instructions_of(t.instructions, t.instruction_limit)}</td>
                                        <td>{format!("{} KiB", t.peak_memory / 1024)}</td>
                                    </tr>
                                    {detail.map(|d| view! { <tr class="detail"><td colspan="4"><pre>{d}</pre></td></tr> })}
                                    {io.filter(|_| t.verdict != Verdict::AC).map(|(input, expected, actual)| view! {
                                        <tr class="detail">
                                            <td colspan="4">
                                                <div class="io">
                                                    <div><h4>"Input"</h4><pre>{input}</pre></div>
                                                    <div><h4>"Expected"</h4><pre>{expected}</pre></div>
                                                    <div><h4>"Your output"</h4><pre>{actual}</pre></div>
                                                </div>
                                            </td>
                                        </tr>
                                    })}
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            })}
            <p class="muted small">{format!("Total: {} instructions.", human_count(result.instructions))}</p>
        </div>
    }
    .into_any()
}
