use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::problems_html;
use crate::components::server_fragment::ServerFragment;

#[component]
pub fn ProblemsPage() -> impl IntoView {
    view! {
        <Title text="Problems" />
        <ServerFragment fetch=problems_html class="problems" loading="Loading the problems…" />
    }
}
