use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::outline_html;
use crate::app::AuthActions;
use crate::components::error_box::ErrorBox;

#[component]
pub fn HomePage() -> impl IntoView {
    let auth = expect_context::<AuthActions>();
    let outline = Resource::new(move || auth.version(), |_| outline_html());
    view! {
        <Title text="" />
        <Suspense fallback=|| view! { <p class="loading">"Loading the course…"</p> }>
            {move || Suspend::new(async move {
                match outline.await {
                    Ok(html) => view! { <div class="course" inner_html=html></div> }.into_any(),
                    Err(e) => view! { <ErrorBox error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
