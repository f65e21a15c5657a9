use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{outline_html, review_summary_html};
use crate::components::server_fragment::ServerFragment;

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Title text="" />
        <ServerFragment fetch=review_summary_html class="review" loading="" />
        <ServerFragment fetch=outline_html class="course" loading="Loading the course…" />
    }
}
