//! A page part rendered on the server by one of the `*_html` server functions (see
//! `crate::fragments`), fetched again whenever the signed-in user changes.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::app::AuthActions;
use crate::components::error_box::ErrorBox;

/// `not_logged_in`, if given, replaces the error message when the fetch needs a session.
/// `key`, if given, is what else the fragment depends on (a page's query string, say): it is
/// fetched again when that changes too.
#[component]
pub fn ServerFragment<F, Fut>(
    fetch: F,
    class: &'static str,
    loading: &'static str,
    #[prop(optional, into)] not_logged_in: Option<ViewFn>,
    #[prop(optional, into)] key: Option<Signal<String>>,
) -> impl IntoView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<String, ApiError>> + Send + 'static,
{
    let auth = expect_context::<AuthActions>();
    let html = Resource::new(move || (auth.version(), key.map(|k| k.get())), move |_| fetch());
    view! {
        <Suspense fallback=move || view! { <p class="loading">{loading}</p> }>
            {move || {
                let not_logged_in = not_logged_in.clone();
                Suspend::new(async move {
                    match html.await {
                        Ok(html) => view! { <div class=class inner_html=html></div> }.into_any(),
                        Err(ApiError::NotLoggedIn) if not_logged_in.is_some() => {
                            not_logged_in.map(|v| v.run()).into_any()
                        }
                        Err(e) => view! { <ErrorBox error=e /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
