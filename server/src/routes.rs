//! The HTTP surface: Leptos pages, the server-function API under `/api/`, the built site
//! under `/pkg/`, and the layers every request passes through.

use std::time::Duration;

use app::ssr::AppState;
use app::{App, shell};
use axum::Router;
use axum::extract::FromRef;
use axum::http::{HeaderValue, header};
use axum::middleware;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower_http::CompressionLevel;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::page_cache::{self, CacheState, PageCache};
use crate::security_headers::{self, RequestNonce};
use crate::{csrf, demo_runs, nul_guard, submission_events, your_data};

/// Largest request body accepted: forms are small; the largest is a run with custom input
/// (`MAX_SOURCE_BYTES` + `MAX_CUSTOM_INPUT_BYTES`, percent-encoded).
pub const MAX_BODY_BYTES: usize = 256 * 1024;

#[derive(Clone, FromRef)]
pub struct ServerState {
    pub leptos_options: LeptosOptions,
    pub app: AppState,
    pub demos: std::sync::Arc<demos::DemoRunner>,
    /// Rendered lesson pages (`page_cache`).
    pub pages: std::sync::Arc<PageCache>,
}

pub fn router(state: ServerState, site_pkg: std::path::PathBuf) -> Router {
    let routes = generate_route_list(App);
    let context = {
        let app = state.app.clone();
        move || {
            provide_context(app.clone());
            // The nonce the response's policy names (`security_headers`): the one every
            // `<script>` Leptos renders must carry. Absent only outside a request (route listing).
            if let Some(RequestNonce(nonce)) =
                use_context::<axum::http::request::Parts>().and_then(|p| p.extensions.get::<RequestNonce>().cloned())
            {
                provide_context(nonce);
            }
        }
    };
    let shell_options = state.leptos_options.clone();
    let pkg = Router::new().fallback_service(ServeDir::new(site_pkg)).layer(SetResponseHeaderLayer::overriding(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    ));
    Router::new()
        .leptos_routes_with_context(&state, routes, context.clone(), move || shell(shell_options.clone()))
        .route("/api/submissions/{id}/events", axum::routing::get(submission_events::stream))
        .merge(demo_runs::router())
        .nest("/pkg", pkg)
        .fallback(leptos_axum::file_and_error_handler_with_context::<ServerState, _>(context, shell))
        // Every route above: no NUL in a form (`nul_guard`), within the body limit; the
        // import's larger limit and its own NUL check are its own (merged after these layers).
        .layer(middleware::from_fn(nul_guard::refuse_nul))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .merge(your_data::router())
        .layer(middleware::from_fn(csrf::same_origin_only))
        // Inside the security headers (it needs the request's nonce) and the compression (it
        // keeps pages uncompressed).
        .layer(middleware::from_fn_with_state(
            CacheState { cache: state.pages.clone(), store: state.app.store.clone() },
            page_cache::serve,
        ))
        // Fastest: at the default level, deflating an 80 KB lesson page took a third of the
        // server's CPU under load; level 1 is a few times cheaper for a page a fifth larger.
        .layer(CompressionLayer::new().quality(CompressionLevel::Fastest))
        .layer(TraceLayer::new_for_http().make_span_with(
            |req: &axum::http::Request<_>| tracing::debug_span!("request", method = %req.method(), uri = %req.uri()),
        ))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(30),
        ))
        // Outermost, so every response has the headers, a timeout's included.
        .layer(middleware::from_fn(security_headers::apply))
        .with_state(state)
}
