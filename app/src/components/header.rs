use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_query_map};

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
                <A href="/notes">"Notes"</A>
                <A href="/dashboard">"Dashboard"</A>
            </nav>
            <SearchBox />
            <div class="account">
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        match me.await {
                            Ok(Some(Me { username: Some(name) })) => view! {
                                <span class="who">{name}</span>
                                <A href="/settings">"Settings"</A>
                                <ActionForm action=auth.log_out>
                                    <button type="submit" class="link">"Log out"</button>
                                </ActionForm>
                            }.into_any(),
                            Ok(Some(Me { username: None })) => view! {
                                <span class="who">"Guest"</span>
                                <A href="/settings">"Settings"</A>
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

/// A plain GET form, so it works without JavaScript; `/` focuses it (`assets/search/keys.js`).
/// On `/search` it shows the query the results are for.
#[component]
fn SearchBox() -> impl IntoView {
    let location = use_location();
    let query = use_query_map();
    let current = move || {
        if location.pathname.get() == "/search" {
            query.with(|q| q.get("q").unwrap_or_default())
        } else {
            String::new()
        }
    };
    view! {
        <form class="site-search" role="search" action="/search" method="get">
            <label for="site-search" class="visually-hidden">"Search the course"</label>
            <input
                id="site-search"
                type="search"
                name="q"
                placeholder="Search  /"
                maxlength=domain::SEARCH_QUERY_MAX_CHARS
                aria-keyshortcuts="/"
                prop:value=current
                value=current
            />
            <button type="submit">"Search"</button>
        </form>
    }
}
