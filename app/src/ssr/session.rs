//! Login sessions: a random token in an HttpOnly cookie, its SHA-256 in the database. Sessions
//! live in the database, so they survive restarts and work across server processes.

use std::net::SocketAddr;

use axum::extract::ConnectInfo;
use http::header::COOKIE;
use http::request::Parts;
use leptos::prelude::use_context;
use rand::RngCore;
use sha2::{Digest, Sha256};

pub use store::SessionUser as User;
use store::{SESSION_LIFETIME_SECS, Store};

use super::cookie::Cookie;
use super::state::{AppState, internal};
use crate::api::ApiError;

pub const COOKIE_NAME: &str = "prep_session";

pub fn cookie_value(headers: &http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

fn request_parts() -> Option<Parts> {
    use_context::<Parts>()
}

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The user whose session cookie came with this request, if it is valid.
pub async fn current_user(state: &AppState) -> Result<Option<User>, ApiError> {
    let Some(token) = request_parts().and_then(|p| cookie_value(&p.headers, COOKIE_NAME)) else {
        return Ok(None);
    };
    user_for_token(&state.store, &token).await.map_err(internal("looking up session"))
}

/// The user a session token belongs to, if the session is live. For handlers outside Leptos
/// (server-sent events) that read the cookie themselves.
pub async fn user_for_token(store: &Store, token: &str) -> Result<Option<User>, store::StoreError> {
    store.session_user(&token_hash(token)).await
}

/// The user whose session cookie is in `headers`, if any: for handlers outside Leptos
/// (server-sent events, demo runs).
pub async fn user_from_headers(store: &Store, headers: &http::HeaderMap) -> Result<Option<User>, store::StoreError> {
    match cookie_value(headers, COOKIE_NAME) {
        Some(token) => user_for_token(store, &token).await,
        None => Ok(None),
    }
}

pub async fn require_user(state: &AppState) -> Result<User, ApiError> {
    current_user(state).await?.ok_or(ApiError::NotLoggedIn)
}

/// Creates a session for `user` under a new token and sets its cookie, ending the session this
/// request came with (if any). Called whenever who is behind the cookie changes (log-in, sign-up,
/// a guest claiming their account): a token someone planted or saw before that moment is worth
/// nothing after it (no session fixation).
pub async fn start(state: &AppState, user: store::UserId) -> Result<(), ApiError> {
    delete_request_session(state).await?;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let token = hex::encode(bytes);
    state.store.create_session(&token_hash(&token), user).await.map_err(internal("creating session"))?;
    set_cookie(state, &token, SESSION_LIFETIME_SECS);
    Ok(())
}

/// Deletes this request's session on the server (if any) and clears the cookie.
pub async fn end(state: &AppState) -> Result<(), ApiError> {
    delete_request_session(state).await?;
    set_cookie(state, "", 0);
    Ok(())
}

async fn delete_request_session(state: &AppState) -> Result<(), ApiError> {
    if let Some(token) = request_parts().and_then(|p| cookie_value(&p.headers, COOKIE_NAME)) {
        state.store.delete_session(&token_hash(&token)).await.map_err(internal("deleting session"))?;
    }
    Ok(())
}

fn set_cookie(state: &AppState, token: &str, max_age_secs: i64) {
    Cookie { name: COOKIE_NAME, value: token, path: "/", max_age_secs, http_only: true }.set(state);
}

/// The client's address, for throttling; `None` when the server runs without connect info.
pub fn client_ip() -> Option<String> {
    request_parts().and_then(|p| p.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip().to_string()))
}

#[cfg(test)]
mod tests {
    use http::HeaderValue;

    use super::*;

    #[test]
    fn finds_cookie_among_others() {
        let mut h = http::HeaderMap::new();
        h.insert(COOKIE, HeaderValue::from_static("theme=dark; prep_session=abc123; x=y"));
        assert_eq!(cookie_value(&h, COOKIE_NAME).as_deref(), Some("abc123"));
        assert_eq!(cookie_value(&h, "theme").as_deref(), Some("dark"));
        assert_eq!(cookie_value(&h, "nope"), None);
    }

    #[test]
    fn token_hash_is_stable_and_not_the_token() {
        assert_eq!(token_hash("a"), token_hash("a"));
        assert_ne!(token_hash("a"), "a");
        assert_eq!(token_hash("a").len(), 64);
    }
}
