//! The learner's submissions to this problem, under the workbench: a table rendered on the
//! server (`history_html`), fetched after the page has hydrated and again whenever `refresh`
//! changes (a run finished). Its "Restore" buttons are handled here by delegation, so the table
//! carries no code of its own.

use leptos::prelude::*;

use crate::components::error_box::error_html;

#[component]
pub fn HistoryPanel(problem_id: String, refresh: Signal<u32>, on_restore: Callback<i64>) -> impl IntoView {
    // Empty on the server and on the first client render alike (hydration must match); filled
    // by the effect, which runs in the browser only.
    let html = RwSignal::new(String::new());
    Effect::new(move |_| {
        refresh.track();
        let problem_id = problem_id.clone();
        leptos::task::spawn_local(async move {
            match crate::api::history_html(problem_id).await {
                Ok(table) => html.set(table),
                Err(e) => html.set(error_html(&e)),
            }
        });
    });
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(id) = restore_target(&ev) {
            on_restore.run(id);
        }
    };
    view! {
        <section class="history-panel" aria-labelledby="history-heading">
            <h3 id="history-heading">"Your submissions"</h3>
            <div class="history-table" on:click=on_click inner_html=move || html.get()></div>
        </section>
    }
}

/// The submission id of a clicked "Restore" button (`data-restore`), if that is what was clicked.
fn restore_target(ev: &leptos::ev::MouseEvent) -> Option<i64> {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
        let button = target.closest("[data-restore]").ok()??;
        button.get_attribute("data-restore")?.parse().ok()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = ev;
        None
    }
}
