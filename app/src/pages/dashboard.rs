use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{ApiError, dashboard_html};
use crate::app::AuthActions;
use crate::components::error_box::ErrorBox;
use crate::components::question_card::StartToSave;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let auth = expect_context::<AuthActions>();
    let data = Resource::new(move || auth.version(), |_| dashboard_html());
    view! {
        <Title text="Dashboard" />
        <Suspense fallback=|| view! { <p class="loading">"Loading your progress…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(html) => view! { <div class="dashboard" inner_html=html></div> }.into_any(),
                    Err(ApiError::NotLoggedIn) => view! {
                        <section class="narrow">
                            <h1>"Your dashboard"</h1>
                            <p>"Log in, or start as a guest, to keep track of your progress."</p>
                            <StartToSave />
                        </section>
                    }.into_any(),
                    Err(e) => view! { <ErrorBox error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
