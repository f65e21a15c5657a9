use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::{ApiError, Me};
use crate::app::AuthActions;
use crate::components::theme_toggle::ThemeToggle;

#[component]
pub fn Header() -> impl IntoView {
    let auth = expect_context::<AuthActions>();
    let me = expect_context::<Resource<Result<Option<Me>, ApiError>>>();
    view! {
        <header class="site-header">
            <nav aria-label="Main">
                <A href="/" attr:class="brand">"Prep"</A>
                <A href="/">"Course"</A>
                <A href="/problems">"Problems"</A>
                <A href="/review">"Review"</A>
                <A href="/dashboard">"Dashboard"</A>
            </nav>
            <div class="account">
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        match me.await {
                            Ok(Some(Me { username: Some(name) })) => view! {
                                <span class="who">{name}</span>
                                <ActionForm action=auth.log_out>
                                    <button type="submit" class="link">"Log out"</button>
                                </ActionForm>
                            }.into_any(),
                            Ok(Some(Me { username: None })) => view! {
                                <span class="who">"Guest"</span>
                                <A href="/claim" attr:class="button small">"Save my progress"</A>
                            }.into_any(),
                            _ => view! {
                                <A href="/login">"Log in"</A>
                                <A href="/signup" attr:class="button small">"Sign up"</A>
                            }.into_any(),
                        }
                    })}
                </Transition>
                <ThemeToggle />
            </div>
        </header>
    }
}
