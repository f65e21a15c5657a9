//! A learner's data as files: `GET /api/export` (everything, as a `prep-export` JSON download),
//! `POST /api/import` (such a file merged into the account) and `GET /api/export/anki.csv` (the
//! course's question cards for Anki). Plain handlers rather than server functions: they move
//! files (a download with its own name, a multipart upload larger than any form).
//!
//! An import from the `/data` page's form (a browser asking for HTML) is answered with a
//! redirect back to the page, its outcome in a short-lived cookie the page shows; anyone else
//! (scripts, tests) gets JSON: the report, or `{"error": …}` with a 4xx.

use app::api::IMPORT_RESULT_COOKIE;
use app::ssr::cookie::Cookie;
use app::ssr::session::user_from_headers;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use portable::{MAX_IMPORT_BYTES, ParseError, anki};
use serde_json::json;
use store::{ImportReport, SessionUser};

use crate::routes::ServerState;

/// The import route's body limit: the file plus the multipart wrapping around it. The global
/// limit (`routes::MAX_BODY_BYTES`) stays small for every other route.
pub const IMPORT_BODY_BYTES: usize = MAX_IMPORT_BYTES + 64 * 1024;

pub fn router() -> Router<ServerState> {
    Router::new()
        .route("/api/export", get(export))
        .route("/api/export/anki.csv", get(anki_csv))
        .route("/api/import", post(import).layer(DefaultBodyLimit::max(IMPORT_BODY_BYTES)))
}

fn refuse(status: StatusCode, message: &str) -> Response {
    (status, Json(json!({ "error": message }))).into_response()
}

async fn learner(state: &ServerState, headers: &HeaderMap) -> Result<Option<SessionUser>, Response> {
    user_from_headers(&state.app.store, headers).await.map_err(|e| {
        tracing::error!(error = %e, "session lookup failed");
        refuse(StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong on our side. Please try again.")
    })
}

const NOT_LOGGED_IN: &str = "Please log in or start as a guest first.";

fn attachment(content_type: &'static str, filename: &str, body: String) -> Response {
    let disposition = format!("attachment; filename=\"{filename}\"");
    let mut response = (StatusCode::OK, body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

async fn export(State(state): State<ServerState>, headers: HeaderMap) -> Response {
    let user = match learner(&state, &headers).await {
        Ok(Some(u)) => u,
        Ok(None) => return refuse(StatusCode::UNAUTHORIZED, NOT_LOGGED_IN),
        Err(r) => return r,
    };
    let now = store::now();
    let doc = match state.app.store.export_learner(user.id, now).await {
        Ok(d) => d,
        Err(e) => {
            tracing::error!(error = %e, "export failed");
            return refuse(StatusCode::INTERNAL_SERVER_ERROR, "The export could not be made. Please try again.");
        }
    };
    let who: String = user
        .username
        .as_deref()
        .unwrap_or("guest")
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
        .collect();
    let date = chrono::DateTime::from_timestamp(now, 0).map_or_else(String::new, |t| t.format("%Y-%m-%d").to_string());
    attachment("application/json", &format!("prep-export-{who}-{date}.json"), doc.to_json())
}

#[derive(serde::Deserialize)]
struct AnkiQuery {
    /// `1`: the learner's own answers under the reference answers.
    #[serde(default)]
    answers: Option<String>,
}

async fn anki_csv(State(state): State<ServerState>, headers: HeaderMap, Query(q): Query<AnkiQuery>) -> Response {
    let catalog = &state.app.catalog;
    let mut own = std::collections::HashMap::new();
    if q.answers.as_deref() == Some("1") {
        let user = match learner(&state, &headers).await {
            Ok(Some(u)) => u,
            Ok(None) => return refuse(StatusCode::UNAUTHORIZED, NOT_LOGGED_IN),
            Err(r) => return r,
        };
        let ids: Vec<&str> = catalog.lessons.iter().flat_map(|l| l.questions.iter().map(|q| q.id.as_str())).collect();
        match state.app.store.question_states(user.id, &ids).await {
            Ok(states) => own = states.answers,
            Err(e) => {
                tracing::error!(error = %e, "reading answers for Anki");
                return refuse(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Something went wrong on our side. Please try again.",
                );
            }
        }
    }
    let mut notes = Vec::new();
    for section in &catalog.sections {
        for &i in &section.lessons {
            let lesson = &catalog.lessons[i];
            for question in &lesson.questions {
                let mut back = question.answer_html.clone();
                if let Some(mine) = own.get(question.id.as_str()).filter(|a| !a.trim().is_empty()) {
                    back.push_str(&format!("<hr><p><b>Your answer:</b></p><p>{}</p>", anki::text_to_html(mine)));
                }
                notes.push(anki::Note {
                    guid: format!("prep-{}", question.id),
                    front_html: question.prompt_html.clone(),
                    back_html: back,
                    tags: vec![section.id.to_string(), lesson.id.to_string()],
                });
            }
        }
    }
    attachment("text/csv; charset=utf-8", "prep-anki.csv", anki::write(&notes))
}

/// Why an import was refused (nothing was changed).
struct Refusal(StatusCode, String);

impl From<ParseError> for Refusal {
    fn from(e: ParseError) -> Self {
        let status =
            if matches!(e, ParseError::TooLarge(_)) { StatusCode::PAYLOAD_TOO_LARGE } else { StatusCode::BAD_REQUEST };
        Refusal(status, e.to_string())
    }
}

fn too_large() -> Refusal {
    Refusal(StatusCode::PAYLOAD_TOO_LARGE, ParseError::TooLarge(IMPORT_BODY_BYTES + 1).to_string())
}

/// The uploaded file: the `file` field of a multipart form, or the whole body.
async fn upload(req: Request<Body>) -> Result<Vec<u8>, Refusal> {
    let multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    if !multipart {
        return axum::body::to_bytes(req.into_body(), IMPORT_BODY_BYTES)
            .await
            .map(|b| b.to_vec())
            .map_err(|_| too_large());
    }
    let bad_form =
        || Refusal(StatusCode::BAD_REQUEST, "The upload could not be read. Choose a file and try again.".into());
    let mut form = Multipart::from_request(req, &()).await.map_err(|_| bad_form())?;
    loop {
        let field = match form.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => return Err(Refusal(StatusCode::BAD_REQUEST, "Choose an export file to import.".into())),
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err(too_large()),
            Err(_) => return Err(bad_form()),
        };
        if field.name() == Some("file") {
            return match field.bytes().await {
                Ok(b) if b.is_empty() => {
                    Err(Refusal(StatusCode::BAD_REQUEST, "Choose an export file to import.".into()))
                }
                Ok(b) => Ok(b.to_vec()),
                Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(too_large()),
                Err(_) => Err(bad_form()),
            };
        }
    }
}

async fn import(State(state): State<ServerState>, req: Request<Body>) -> Response {
    let from_page =
        req.headers().get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("text/html"));
    let headers = req.headers().clone();
    let outcome = async {
        let user = match learner(&state, &headers).await {
            Ok(Some(u)) => u,
            Ok(None) => return Err(Refusal(StatusCode::UNAUTHORIZED, NOT_LOGGED_IN.into())),
            Err(r) => return Ok(Err(r)),
        };
        let bytes = upload(req).await?;
        let doc = portable::parse(&bytes)?;
        match state.app.store.import_learner(user.id, &doc).await {
            Ok(report) => Ok(Ok(report)),
            Err(e) => {
                tracing::error!(error = %e, "import failed");
                Err(Refusal(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "The import failed on our side; nothing was changed.".into(),
                ))
            }
        }
    }
    .await;
    match (outcome, from_page) {
        (Ok(Err(response)), _) => response,
        (Ok(Ok(report)), false) => Json(report_json(&report)).into_response(),
        (Err(Refusal(status, message)), false) => refuse(status, &message),
        (Ok(Ok(report)), true) => back_to_page("ok", &summary(&report), state.app.secure_cookies),
        (Err(Refusal(_, message)), true) => back_to_page("error", &message, state.app.secure_cookies),
    }
}

fn report_json(report: &ImportReport) -> serde_json::Value {
    let kinds: serde_json::Map<String, serde_json::Value> = report
        .kinds()
        .iter()
        .map(|(k, t)| (k.to_string(), json!({ "added": t.added, "updated": t.updated, "unchanged": t.unchanged })))
        .collect();
    json!({ "imported": kinds, "changed": report.changed() })
}

/// "2 lessons added, 1 updated; …", or that there was nothing new.
fn summary(report: &ImportReport) -> String {
    let parts: Vec<String> = report
        .kinds()
        .iter()
        .filter(|(_, t)| t.added + t.updated > 0)
        .map(|(kind, t)| {
            let kind = kind.replace('_', " ");
            match (t.added, t.updated) {
                (a, 0) => format!("{kind}: {a} added"),
                (0, u) => format!("{kind}: {u} updated"),
                (a, u) => format!("{kind}: {a} added, {u} updated"),
            }
        })
        .collect();
    if parts.is_empty() {
        "Imported: nothing new (everything in the file was already here).".to_string()
    } else {
        format!("Imported — {}.", parts.join("; "))
    }
}

/// 303 to `/data`, with the outcome for the page to show once.
fn back_to_page(kind: &str, message: &str, secure: bool) -> Response {
    let value: String = form_urlencoded::byte_serialize(format!("{kind}:{message}").as_bytes()).collect();
    let cookie =
        Cookie { name: IMPORT_RESULT_COOKIE, value: &value, path: "/data", max_age_secs: 600, http_only: true }
            .header_value(secure);
    let mut response = (StatusCode::SEE_OTHER, [(header::LOCATION, "/data")]).into_response();
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    response
}
