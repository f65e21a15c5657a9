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
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::{csrf, demo_runs, submission_events, your_data};

/// Largest request body accepted: forms are small; the largest is a run with custom input
/// (`MAX_SOURCE_BYTES` + `MAX_CUSTOM_INPUT_BYTES`, percent-encoded).
pub const MAX_BODY_BYTES: usize = 256 * 1024;

#[derive(Clone, FromRef)]
pub struct ServerState {
    pub leptos_options: LeptosOptions,
    pub app: AppState,
    pub demos: std::sync::Arc<demos::DemoRunner>,
}

pub fn router(state: ServerState, site_pkg: std::path::PathBuf) -> Router {
    let routes = generate_route_list(App);
    let context = {
        let app = state.app.clone();
        move || provide_context(app.clone())
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
        // Every route above; the import's larger limit is its own (merged after this layer).
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .merge(your_data::router())
        .layer(middleware::from_fn(csrf::same_origin_only))
        .layer(CompressionLayer::new())
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        .layer(SetResponseHeaderLayer::if_not_present(header::REFERRER_POLICY, HeaderValue::from_static("same-origin")))
        .layer(TraceLayer::new_for_http().make_span_with(
            |req: &axum::http::Request<_>| tracing::debug_span!("request", method = %req.method(), uri = %req.uri()),
        ))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(30),
        ))
        .with_state(state)
}
