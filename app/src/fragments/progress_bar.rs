use leptos::prelude::*;

#[component]
pub fn ProgressBar(done: usize, total: usize, #[prop(into)] label: String) -> impl IntoView {
    let pct = (done * 100).checked_div(total).unwrap_or(0);
    view! {
        <div class="progress">
            <div
                class="bar"
                role="progressbar"
                aria-label=label
                aria-valuemin="0"
                aria-valuemax=total
                aria-valuenow=done
            >
                <span style=format!("width: {pct}%")></span>
            </div>
            <span class="progress-count">{format!("{done}/{total}")}</span>
        </div>
    }
}
