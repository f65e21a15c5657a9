//! `POST /api/demos/{id}/runs`: runs a demo and streams what it does as server-sent events
//! (see `demos::DemoEvent`); `POST /api/demos/runs/{run}/stop` stops it. Closing the stream
//! stops it too: the runner kills the process group when nobody listens.
//!
//! A POST rather than an EventSource GET: starting a program is a state change (the CSRF check
//! applies), and a refusal — a parameter out of range, a second demo of the same learner —
//! comes back as a plain 4xx message the page can show, before any stream starts.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::time::Duration;

use app::ssr::session::{User, user_from_headers};
use axum::extract::rejection::FormRejection;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Extension, Form, Router};
use demos::{DemoEvent, StartError};
use futures::StreamExt;
use store::{NewPrediction, Store};

use crate::routes::ServerState;

/// How often an idle stream sends a comment: a closed tab is noticed (and its demo killed)
/// within about this long even when the demo prints nothing.
const KEEP_ALIVE: Duration = Duration::from_secs(1);

pub fn router() -> Router<ServerState> {
    Router::new().route("/api/demos/{id}/runs", post(start)).route("/api/demos/runs/{run}/stop", post(stop))
}

/// Who is asking: an account or guest by session; without one, everyone from an address is
/// one learner (so an anonymous crowd cannot hold every slot).
struct Learner {
    user: Option<User>,
    owner: String,
}

async fn learner(store: &Store, headers: &HeaderMap, peer: Option<SocketAddr>) -> Result<Learner, Response> {
    let user = user_from_headers(store, headers).await.map_err(|e| {
        tracing::error!(error = %e, "session lookup failed");
        StatusCode::INTERNAL_SERVER_ERROR.into_response()
    })?;
    let owner = match (&user, peer) {
        (Some(u), _) => format!("user:{}", u.id),
        (None, Some(addr)) => format!("anonymous@{}", addr.ip()),
        (None, None) => "anonymous".to_string(),
    };
    Ok(Learner { user, owner })
}

async fn start(
    State(state): State<ServerState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let Ok(Form(raw)) = form else {
        return (StatusCode::BAD_REQUEST, "The demo's parameters could not be read.").into_response();
    };
    let learner = match learner(&state.app.store, &headers, peer.map(|Extension(ConnectInfo(a))| a)).await {
        Ok(l) => l,
        Err(response) => return response,
    };
    let prediction = raw.iter().rev().find(|(k, _)| k == "prediction").map(|(_, v)| v.clone());
    let run = match state.demos.start(&id, &learner.owner, &raw, prediction.as_deref()) {
        Ok(run) => run,
        Err(e) => return refusal(e),
    };
    let params = form_text(raw.iter().filter(|(k, _)| k != "prediction"));
    let forward = Forward { run, store: state.app.store.clone(), user: learner.user, demo: id, params };
    let stream = futures::stream::unfold(forward, Forward::next).map(Ok::<_, Infallible>);
    let mut response = Sse::new(stream).keep_alive(KeepAlive::new().interval(KEEP_ALIVE)).into_response();
    // Proxies must pass samples on as they come, not in buffered lumps.
    response.headers_mut().insert("x-accel-buffering", HeaderValue::from_static("no"));
    response
}

fn refusal(e: StartError) -> Response {
    let status = match e {
        StartError::UnknownDemo(_) => StatusCode::NOT_FOUND,
        StartError::BadParams(_) => StatusCode::BAD_REQUEST,
        StartError::AlreadyRunning => StatusCode::CONFLICT,
        StartError::QueueFull(_) => StatusCode::SERVICE_UNAVAILABLE,
    };
    (status, e.to_string()).into_response()
}

/// One run's events on their way to the browser; a prediction's outcome is kept on the way.
struct Forward {
    run: demos::DemoRun,
    store: Store,
    user: Option<User>,
    demo: String,
    params: String,
}

impl Forward {
    async fn next(mut self) -> Option<(Event, Forward)> {
        let event = self.run.events.recv().await?;
        if let DemoEvent::Result { value, prediction: Some(prediction), correct: Some(correct) } = &event
            && let Some(user) = &self.user
        {
            let outcome = value.to_string();
            let record = NewPrediction {
                user: user.id,
                demo_id: &self.demo,
                params: &self.params,
                prediction,
                outcome: &outcome,
                correct: *correct,
            };
            if let Err(e) = self.store.record_prediction(&record).await {
                // The run still shows its result; only the dashboard's count misses one.
                tracing::error!(error = %e, "could not record a prediction");
            }
        }
        Some((Event::default().event(event.name()).data(event.data()), self))
    }
}

/// `name=value&…` with the values as given, for reading a prediction in its context later.
fn form_text<'a>(pairs: impl Iterator<Item = &'a (String, String)>) -> String {
    let pairs: Vec<String> = pairs.map(|(k, v)| format!("{k}={}", v.trim())).collect();
    pairs.join("&").chars().take(500).collect()
}

async fn stop(
    State(state): State<ServerState>,
    Path(run): Path<String>,
    headers: HeaderMap,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
) -> Response {
    let learner = match learner(&state.app.store, &headers, peer.map(|Extension(ConnectInfo(a))| a)).await {
        Ok(l) => l,
        Err(response) => return response,
    };
    if state.demos.stop(&run, &learner.owner) {
        StatusCode::NO_CONTENT.into_response()
    } else {
        (StatusCode::NOT_FOUND, "No such run of yours is going on.").into_response()
    }
}
