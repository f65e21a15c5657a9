//! "How it scales": an accepted solution's instruction counts on the problem's scaling series,
//! beside the reference's, on log-log axes (a straight line of slope k is cost ∝ nᵏ), with the
//! fitted class in words and the numbers in a table.

use leptos::prelude::*;

use domain::{ScalingPoint, ScalingReport, human_count};

const WIDTH: f64 = 420.0;
const HEIGHT: f64 = 220.0;
const MARGIN: f64 = 36.0;

/// Maps points of both curves into the SVG box, on log scales shared by the two.
struct Axes {
    x: (f64, f64),
    y: (f64, f64),
}

impl Axes {
    fn new(curves: &[&[ScalingPoint]]) -> Option<Axes> {
        let all = curves.iter().flat_map(|c| c.iter()).filter(|p| p.n > 0 && p.instructions > 0);
        let (mut x, mut y) = ((f64::MAX, f64::MIN), (f64::MAX, f64::MIN));
        for p in all {
            let (lx, ly) = ((p.n as f64).ln(), (p.instructions as f64).ln());
            x = (x.0.min(lx), x.1.max(lx));
            y = (y.0.min(ly), y.1.max(ly));
        }
        (x.0 < x.1 && y.0 <= y.1).then_some(Axes { x, y: if y.0 < y.1 { y } else { (y.0 - 1.0, y.1 + 1.0) } })
    }

    fn point(&self, p: &ScalingPoint) -> (f64, f64) {
        let fx = ((p.n as f64).ln() - self.x.0) / (self.x.1 - self.x.0);
        let fy = ((p.instructions as f64).ln() - self.y.0) / (self.y.1 - self.y.0);
        (MARGIN + fx * (WIDTH - 2.0 * MARGIN), HEIGHT - MARGIN - fy * (HEIGHT - 2.0 * MARGIN))
    }

    fn polyline(&self, curve: &[ScalingPoint]) -> String {
        curve.iter().map(|p| self.point(p)).map(|(x, y)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" ")
    }
}

#[component]
pub fn ScalingChart(report: ScalingReport) -> impl IntoView {
    let summary = format!(
        "Your solution grows like {} (exponent {:.2}); the reference grows like {} ({:.2}).",
        report.growth.label(),
        report.exponent,
        report.reference_growth.label(),
        report.reference_exponent,
    );
    let axes = Axes::new(&[&report.points, &report.reference]);
    let first_n = report.reference.first().map(|p| p.n).unwrap_or(0);
    let last_n = report.reference.last().map(|p| p.n).unwrap_or(0);
    let rows: Vec<(u64, Option<u64>, u64)> = report
        .reference
        .iter()
        .map(|r| (r.n, report.points.iter().find(|p| p.n == r.n).map(|p| p.instructions), r.instructions))
        .collect();
    view! {
        <figure class="scaling" data-growth=report.growth.as_str()>
            <h3>"How it scales"</h3>
            {axes.map(|a| view! {
                <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=summary.clone() class="scaling-chart">
                    <line class="axis" x1=MARGIN y1=HEIGHT - MARGIN x2=WIDTH - MARGIN y2=HEIGHT - MARGIN />
                    <line class="axis" x1=MARGIN y1=MARGIN x2=MARGIN y2=HEIGHT - MARGIN />
                    <text class="tick" x=MARGIN y=HEIGHT - 12.0>{format!("n = {first_n}")}</text>
                    <text class="tick" x=WIDTH - MARGIN y=HEIGHT - 12.0 text-anchor="end">{format!("n = {last_n}")}</text>
                    <polyline class="reference" points=a.polyline(&report.reference) />
                    <polyline class="yours" points=a.polyline(&report.points) />
                    {report.points.iter().map(|p| {
                        let (x, y) = a.point(p);
                        view! { <circle class="yours" cx=format!("{x:.1}") cy=format!("{y:.1}") r="3" /> }
                    }).collect_view()}
                </svg>
            })}
            <figcaption>
                {summary.clone()}
                " Log-log axes: a steeper line grows faster. "
                <span class="key yours">"━ yours"</span>" "<span class="key reference">"┅ reference"</span>
                {report.note.clone().map(|n| view! { <span class="note">{format!(" Stopped early: {n}.")}</span> })}
            </figcaption>
            <details>
                <summary>"Instruction counts"</summary>
                <table class="tests">
                    <thead><tr><th scope="col">"n"</th><th scope="col">"Yours"</th><th scope="col">"Reference"</th></tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(n, yours, reference)| view! {
                            <tr>
                                <td>{n}</td>
                                <td>{yours.map(human_count).unwrap_or_else(|| "—".into())}</td>
                                <td>{human_count(reference)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
