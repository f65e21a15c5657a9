use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::dashboard_html;
use crate::components::question_card::StartToSave;
use crate::components::server_fragment::ServerFragment;

#[component]
pub fn DashboardPage() -> impl IntoView {
    view! {
        <Title text="Dashboard" />
        <ServerFragment
            fetch=dashboard_html
            class="dashboard"
            loading="Loading your progress…"
            not_logged_in=|| view! {
                <section class="narrow">
                    <h1>"Your dashboard"</h1>
                    <p>"Log in, or start as a guest, to keep track of your progress."</p>
                    <StartToSave />
                </section>
            }
        />
        <p class="small"><a href="/data">"Your data: export, import, Anki"</a></p>
    }
}
