use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::data_page_html;
use crate::components::question_card::StartToSave;
use crate::components::server_fragment::ServerFragment;

/// `/data`: the learner's data out (export, Anki) and in (import), rendered on the server.
#[component]
pub fn DataPage() -> impl IntoView {
    view! {
        <Title text="Your data" />
        <section class="narrow your-data">
            <h1>"Your data"</h1>
            <ServerFragment
                fetch=data_page_html
                class="data-panel"
                loading="Loading…"
                not_logged_in=|| view! {
                    <p>"Log in, or start as a guest, to export or import progress."</p>
                    <StartToSave />
                }
            />
        </section>
    }
}
