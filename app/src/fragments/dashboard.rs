use leptos::prelude::*;

use crate::api::DashboardView;
use crate::fragments::heatmap::Heatmap;
use crate::fragments::progress_bar::ProgressBar;

/// Static HTML, rendered on the server by `dashboard_html` (see `CourseOutline`).
#[component]
pub fn Dashboard(data: DashboardView) -> impl IntoView {
    let DashboardView {
        username,
        sections,
        days,
        first_weekday,
        lessons_done,
        lessons_total,
        questions_answered,
        ratings_given,
        predictions_made,
        predictions_right,
        recent_predictions,
    } = data;
    let who = username.clone().unwrap_or_else(|| "Guest".into());
    view! {
        <h1>"Dashboard"</h1>
        <p class="muted">{format!("Signed in as {who}.")}
            {username.is_none().then(|| view! { " " <a href="/claim">"Choose a username and password"</a> " to keep this progress on any device." })}
        </p>
        <dl class="stats">
            <div><dt>"Lessons done"</dt><dd data-stat="lessons-done">{format!("{lessons_done} / {lessons_total}")}</dd></div>
            <div><dt>"Questions answered"</dt><dd data-stat="answered">{questions_answered}</dd></div>
            <div><dt>"Ratings given"</dt><dd data-stat="ratings">{ratings_given}</dd></div>
            <div>
                <dt>"Demo predictions right"</dt>
                <dd data-stat="predictions">{format!("{predictions_right} / {predictions_made}")}</dd>
            </div>
        </dl>
        {(!recent_predictions.is_empty()).then(|| view! {
            <h2>"Your latest predictions"</h2>
            <table class="predictions">
                <thead><tr>
                    <th scope="col">"Demo"</th>
                    <th scope="col">"Parameters"</th>
                    <th scope="col">"You said"</th>
                    <th scope="col">"It was"</th>
                    <th scope="col">"Right?"</th>
                </tr></thead>
                <tbody>
                    {recent_predictions
                        .into_iter()
                        .map(|p| view! {
                            <tr>
                                <th scope="row"><a href=format!("/demos/{}", p.demo_id)>{p.demo_title}</a></th>
                                <td><code>{p.params}</code></td>
                                <td>{p.prediction}</td>
                                <td>{p.outcome}</td>
                                <td>{if p.correct { "yes" } else { "no" }}</td>
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
        })}
        <h2>"Activity"</h2>
        <Heatmap days first_weekday />
        <h2>"Progress by section"</h2>
        <table class="section-progress">
            <thead><tr><th scope="col">"Section"</th><th scope="col">"Done"</th></tr></thead>
            <tbody>
                {sections
                    .into_iter()
                    .map(|s| view! {
                        <tr data-section=s.id>
                            <th scope="row">{s.title.clone()}</th>
                            <td><ProgressBar done=s.done total=s.total label=s.title /></td>
                        </tr>
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
