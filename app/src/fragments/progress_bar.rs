use leptos::prelude::*;

#[component]
pub fn ProgressBar(done: usize, total: usize, #[prop(into)] label: String) -> impl IntoView {
    let pct = if total == 0 { 0 } else { done * 100 / total };
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
