use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::{ApiError, DemoPageView, get_demo};
use crate::components::error_box::ErrorBox;
use crate::pages::not_found::NotFound;

/// `/demos/<id>`: one demo on its own, linked to its lesson.
#[component]
pub fn DemoPage() -> impl IntoView {
    let params = use_params_map();
    let demo = Resource::new(move || params.read().get("id").unwrap_or_default(), get_demo);
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading the demo…"</p> }>
            {move || Suspend::new(async move {
                match demo.await {
                    Ok(d) => view! { <Demo demo=d /> }.into_any(),
                    Err(ApiError::NotFound(_)) => view! { <NotFound /> }.into_any(),
                    Err(e) => view! { <ErrorBox error=e /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Demo(demo: DemoPageView) -> impl IntoView {
    let DemoPageView { title, panel_html, lesson } = demo;
    view! {
        <Title text=title.clone() />
        <article class="lesson demo-page">
            <p class="crumb">
                "Demo"
                {lesson.map(|l| view! {
                    " · from "<A href=format!("/lessons/{}", l.id)>{l.title}</A>
                })}
            </p>
            <h1>{title}</h1>
            <div class="demo-host" inner_html=panel_html></div>
        </article>
    }
}
