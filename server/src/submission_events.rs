//! `GET /api/submissions/{id}/events`: the judge's progress on one submission as server-sent
//! events (JSON `ProgressEvent`s), ending with `finished: true`. Only the submission's owner may
//! listen. Progress arrives from whichever process judges it (see `store::events`); the row is
//! also re-read now and then, so a missed notification cannot leave a learner waiting forever.

use std::convert::Infallible;
use std::time::Duration;

use app::ssr::session::user_from_headers;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use domain::ProgressEvent;
use futures::StreamExt;
use store::{Store, UserId};
use tokio::sync::broadcast;
use tokio::sync::broadcast::error::RecvError;
use tokio::time::{Instant, Interval, MissedTickBehavior};

use crate::routes::ServerState;

/// How often the stream looks at the row itself, in case a notification was missed.
const RECHECK: Duration = Duration::from_secs(2);

pub async fn stream(State(state): State<ServerState>, Path(id): Path<i64>, headers: HeaderMap) -> Response {
    let store = &state.app.store;
    let user = match user_from_headers(store, &headers).await {
        Ok(user) => user,
        Err(e) => {
            tracing::error!(error = %e, "session lookup failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let Some(user) = user else {
        return (StatusCode::UNAUTHORIZED, "Log in first.").into_response();
    };
    // Subscribe before reading the row, so a result published in between is not missed.
    let events = store.subscribe_progress();
    let current = match store.submission(user.id, id).await {
        Ok(Some(s)) => s,
        Ok(None) => return (StatusCode::NOT_FOUND, "No such submission.").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "reading submission failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let first = match &current.result {
        Some(r) => ProgressEvent::finished(id, r),
        None => ProgressEvent { submission: id, done: 0, total: 0, verdict: None, finished: false },
    };
    let mut recheck = tokio::time::interval_at(Instant::now() + RECHECK, RECHECK);
    recheck.set_missed_tick_behavior(MissedTickBehavior::Delay);
    let follow = Follow { store: store.clone(), user: user.id, id, events, recheck, done: first.finished };
    let rest = futures::stream::unfold(follow, Follow::next);
    let stream = futures::stream::once(async move { first })
        .chain(rest)
        .map(|e| Ok::<_, Infallible>(Event::default().data(serde_json::to_string(&e).unwrap_or_default())));
    Sse::new(stream).keep_alive(KeepAlive::default()).into_response()
}

/// The rest of one submission's events, until its finished one.
struct Follow {
    store: Store,
    user: UserId,
    id: i64,
    events: broadcast::Receiver<ProgressEvent>,
    recheck: Interval,
    done: bool,
}

impl Follow {
    async fn next(mut self) -> Option<(ProgressEvent, Follow)> {
        if self.done {
            return None;
        }
        loop {
            tokio::select! {
                received = self.events.recv() => match received {
                    Ok(e) if e.submission == self.id => {
                        self.done = e.finished;
                        return Some((e, self));
                    }
                    Ok(_) | Err(RecvError::Lagged(_)) => continue,
                    Err(RecvError::Closed) => return None,
                },
                _ = self.recheck.tick() => {
                    if let Ok(Some(row)) = self.store.submission(self.user, self.id).await
                        && let Some(result) = row.result
                    {
                        self.done = true;
                        return Some((ProgressEvent::finished(self.id, &result), self));
                    }
                }
            }
        }
    }
}
