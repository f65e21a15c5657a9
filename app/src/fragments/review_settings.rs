//! The review part of `/settings`: the desired-retention form, whether FSRS runs on the default
//! parameters or on the learner's fitted ones, and the forgetting curve they predict for a card
//! first answered Good (with the desired retention drawn across it: where the two meet is when
//! the card comes back).

use leptos::prelude::*;

use domain::Rating;
use review::{DesiredRetention, Parameters, Scheduler};

use crate::api::ReviewPreferences;

const WIDTH: f64 = 440.0;
const HEIGHT: f64 = 220.0;
const MARGIN: f64 = 36.0;
/// The curve's horizon in days, and the days the table lists.
const HORIZON: f32 = 30.0;
const TABLE_DAYS: [f32; 6] = [1.0, 3.0, 7.0, 14.0, 21.0, 30.0];
/// Recall from this share up to 100 % fills the chart's height.
const FLOOR: f32 = 0.5;

fn point(days: f32, recall: f32) -> (f64, f64) {
    let x = MARGIN + f64::from(days / HORIZON) * (WIDTH - 2.0 * MARGIN);
    let y = HEIGHT - MARGIN - f64::from(((recall - FLOOR) / (1.0 - FLOOR)).clamp(0.0, 1.0)) * (HEIGHT - 2.0 * MARGIN);
    (x, y)
}

/// The curve of `parameters` after a first Good, as SVG polyline points.
fn curve(parameters: &Parameters) -> String {
    let s = parameters.initial_stability(Rating::Good);
    (0..=60)
        .map(|i| i as f32 * HORIZON / 60.0)
        .map(|d| point(d, parameters.recall_after(s, d)))
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn percent(recall: f32) -> String {
    format!("{:.0} %", recall * 100.0)
}

/// Days until a card first rated Good comes back with `parameters` at `retention`.
fn first_interval(parameters: &Parameters, retention: f32) -> Option<u32> {
    let retention = DesiredRetention::new(retention)?;
    let scheduler = Scheduler::with_parameters(parameters, retention).ok()?;
    Some(scheduler.interval_for(f64::from(parameters.initial_stability(Rating::Good))))
}

#[component]
pub fn ReviewSettingsPanel(settings: ReviewPreferences) -> impl IntoView {
    let defaults = Parameters::default();
    let own = settings.fitted.as_ref().and_then(|f| Parameters::new(f.weights.clone()).ok());
    let active = own.clone().unwrap_or_else(|| defaults.clone());
    let retention = settings.desired_retention;
    let interval = first_interval(&active, retention);
    let (_, retention_y) = point(0.0, retention);
    let summary = format!(
        "Predicted recall of a card first answered Good, over {HORIZON} days{}; at {} desired retention it comes back after {} days.",
        if own.is_some() {
            ", with your fitted parameters and with the defaults"
        } else {
            ", with FSRS's default parameters"
        },
        percent(retention),
        interval.map_or_else(|| "?".to_string(), |d| d.to_string())
    );
    let status = match &settings.fitted {
        Some(f) => format!(
            "FSRS runs on parameters fitted to {} of your reviews (on {}). They are fitted again as reviews come in.",
            f.reviews_used,
            crate::ssr::utc_date(f.fitted_at)
        ),
        None => format!(
            "FSRS runs on its default parameters. Your own are fitted once you have {} reviews of cards seen on an earlier day, of at least 20 or so different cards; you have {}.",
            settings.reviews_needed, settings.usable_reviews
        ),
    };
    let can_fit = settings.usable_reviews >= settings.reviews_needed;
    let workload: Vec<(f32, Option<u32>)> = [0.80, 0.85, 0.90, 0.95].map(|r| (r, first_interval(&active, r))).to_vec();
    let rows: Vec<(f32, f32, Option<f32>)> = TABLE_DAYS
        .iter()
        .map(|&d| {
            let recall = |p: &Parameters| p.recall_after(p.initial_stability(Rating::Good), d);
            (d, recall(&defaults), own.as_ref().map(recall))
        })
        .collect();
    let has_own = own.is_some();
    view! {
        <section aria-labelledby="retention-heading" class="settings-section">
            <h2 id="retention-heading">"Desired retention"</h2>
            <p>
                "The share of cards you want to still remember when they come back. Higher means shorter "
                "intervals and more reviews; Anki's range is 0.70–0.97."
            </p>
            <form method="post" action="/api/set_desired_retention" class="retention-form">
                <label for="retention">"Desired retention"</label>
                <input id="retention" name="retention" type="number" min="0.70" max="0.97" step="0.01"
                    value=format!("{retention:.2}") required />
                <button type="submit">"Save"</button>
            </form>
            <p class="muted small">
                "A card first answered Good comes back after: "
                {workload.into_iter().map(|(r, d)| format!("{} days at {r:.2}", d.map_or("?".into(), |d| d.to_string()))).collect::<Vec<_>>().join(", ")}
                ". A new retention applies from each card's next review."
            </p>
        </section>
        <section aria-labelledby="parameters-heading" class="settings-section">
            <h2 id="parameters-heading">"Your memory model"</h2>
            <p class="fit-status" data-fitted=has_own.to_string() data-usable=settings.usable_reviews>{status}</p>
            <form method="post" action="/api/fit_review_parameters">
                <button type="submit" disabled=!can_fit>"Fit my parameters now"</button>
            </form>
            <figure class="retention-curve">
                <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=summary.clone() class="curve-chart">
                    <line class="axis" x1=MARGIN y1=HEIGHT - MARGIN x2=WIDTH - MARGIN y2=HEIGHT - MARGIN />
                    <line class="axis" x1=MARGIN y1=MARGIN x2=MARGIN y2=HEIGHT - MARGIN />
                    <text class="tick" x=MARGIN - 4.0 y=MARGIN + 4.0 text-anchor="end">"100 %"</text>
                    <text class="tick" x=MARGIN - 4.0 y=HEIGHT - MARGIN text-anchor="end">"50 %"</text>
                    <text class="tick" x=MARGIN y=HEIGHT - 14.0>"today"</text>
                    <text class="tick" x=WIDTH - MARGIN y=HEIGHT - 14.0 text-anchor="end">{format!("{HORIZON} days")}</text>
                    <line class="target" x1=MARGIN y1=format!("{retention_y:.1}") x2=WIDTH - MARGIN y2=format!("{retention_y:.1}") />
                    <polyline class="defaults" points=curve(&defaults) />
                    {own.as_ref().map(|p| view! { <polyline class="yours" points=curve(p) /> })}
                </svg>
                <figcaption>
                    {summary}" "
                    {has_own.then(|| view! { <span class="key yours">"━ yours"</span>" " })}
                    <span class="key defaults">"┅ defaults"</span>" "
                    <span class="key target">"— desired retention"</span>
                </figcaption>
                <details>
                    <summary>"Predicted recall by day"</summary>
                    <table class="tests">
                        <thead>
                            <tr>
                                <th scope="col">"Days"</th>
                                {has_own.then(|| view! { <th scope="col">"Yours"</th> })}
                                <th scope="col">"Defaults"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows.into_iter().map(|(d, default, yours)| view! {
                                <tr>
                                    <td>{d}</td>
                                    {yours.map(|y| view! { <td>{percent(y)}</td> })}
                                    <td>{percent(default)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </details>
            </figure>
        </section>
    }
}
