use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::problems_html;
use crate::app::AuthActions;
use crate::components::error_box::ErrorBox;

#[component]
pub fn ProblemsPage() -> impl IntoView {
    let auth = expect_context::<AuthActions>();
    let list = Resource::new(move || auth.version(), |_| problems_html());
    view! {
        <Title text="Problems" />
        <Suspense fallback=|| view! { <p class="loading">"Loading the problems…"</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(html) => view! { <div class="problems" inner_html=html></div> }.into_any(),
                    Err(e) => view! { <ErrorBox error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
