//! `GET /api/submissions/{id}/events`: the judge's progress on one submission as server-sent
//! events (JSON `ProgressEvent`s), ending with `finished: true`. Only the submission's owner may
//! listen.

use std::convert::Infallible;

use app::api::ProgressEvent;
use app::server::db::submissions;
use app::server::session::{COOKIE_NAME, cookie_value, user_for_token};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures::StreamExt;
use tokio::sync::broadcast::error::RecvError;

use crate::routes::ServerState;

pub async fn stream(State(state): State<ServerState>, Path(id): Path<i64>, headers: HeaderMap) -> Response {
    let pool = &state.app.pool;
    let user = match cookie_value(&headers, COOKIE_NAME) {
        Some(token) => match user_for_token(pool, &token).await {
            Ok(user) => user,
            Err(e) => {
                tracing::error!(error = %e, "session lookup failed");
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            }
        },
        None => None,
    };
    let Some(user) = user else {
        return (StatusCode::UNAUTHORIZED, "Log in first.").into_response();
    };
    // Subscribe before reading the row, so a result published in between is not missed.
    let events = state.app.judge.progress.subscribe();
    let current = match submissions::get(pool, user.id, id).await {
        Ok(Some(s)) => s,
        Ok(None) => return (StatusCode::NOT_FOUND, "No such submission.").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "reading submission failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let first = match &current.result {
        Some(r) => ProgressEvent {
            submission: id,
            done: r.tests.len(),
            total: r.total_tests,
            verdict: Some(r.verdict.clone()),
            finished: true,
        },
        None => ProgressEvent { submission: id, done: 0, total: 0, verdict: None, finished: false },
    };
    let already_finished = first.finished;
    // The receiver travels in the unfold state; `None` once the finished event has been sent.
    let rest = futures::stream::unfold((!already_finished).then_some(events), move |receiver| async move {
        let mut events = receiver?;
        loop {
            match events.recv().await {
                Ok(e) if e.submission == id => {
                    let next = (!e.finished).then_some(events);
                    return Some((e, next));
                }
                Ok(_) | Err(RecvError::Lagged(_)) => continue,
                Err(RecvError::Closed) => return None,
            }
        }
    });
    let stream = futures::stream::once(async move { first })
        .chain(rest)
        .map(|e| Ok::<_, Infallible>(Event::default().data(serde_json::to_string(&e).unwrap_or_default())));
    Sse::new(stream).keep_alive(KeepAlive::default()).into_response()
}
