use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::merge_offer_html;
use crate::components::server_fragment::ServerFragment;

/// `/merge`: after a guest logged in to an existing account, merge the guest's progress or
/// discard it.
#[component]
pub fn MergePage() -> impl IntoView {
    view! {
        <Title text="Merge guest progress" />
        <section class="narrow merge">
            <h1>"Your guest progress"</h1>
            <ServerFragment
                fetch=merge_offer_html
                class="merge-offers"
                loading="Loading…"
                not_logged_in=|| view! { <p>"Log in first; then your guest progress can be merged."</p> }
            />
        </section>
    }
}
