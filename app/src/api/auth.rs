//! Accounts: sign up, log in, log out, guest accounts and claiming them.

use leptos::prelude::*;

use super::{ApiError, Me};
#[cfg(feature = "ssr")]
use {
    super::fields::{Password, Username},
    super::respond,
    crate::ssr::{AppState, password, session, state::internal, throttle::LoginAttempt},
    store::Claim,
};

/// The signed-in account, or `None`.
#[server(endpoint = "me")]
pub async fn current_user() -> Result<Option<Me>, ApiError> {
    respond(async {
        let state = AppState::current()?;
        Ok(session::current_user(&state).await?.map(|u| Me { username: u.username }))
    })
    .await
}

/// Creates an account and logs it in. A guest who signs up keeps their progress: the guest
/// account is claimed rather than a new one created.
#[server(endpoint = "signup")]
pub async fn sign_up(username: String, password: String) -> Result<(), ApiError> {
    respond(async {
        let state = AppState::current()?;
        let username = Username::parse(&username)?;
        let password = Password::parse(&password)?;
        if let Some(user) = session::current_user(&state).await?
            && user.username.is_none()
        {
            return claim(&state, user.id, &username, &password).await;
        }
        let hash = password::hash(&password).await?;
        let id = state
            .store
            .create_user(username.as_str(), &hash)
            .await
            .map_err(internal("creating user"))?
            .ok_or(ApiError::UsernameTaken)?;
        session::start(&state, id).await?;
        leptos_axum::redirect("/");
        Ok(())
    })
    .await
}

#[server(endpoint = "login")]
pub async fn log_in(username: String, password: String) -> Result<(), ApiError> {
    respond(async {
        let state = AppState::current()?;
        let name = username.trim().to_lowercase();
        if name.is_empty() || password.is_empty() {
            return Err(ApiError::bad_input("Enter your username and password."));
        }
        // No account has such a name or password; refusing them early also keeps throttle keys
        // short.
        if password.len() > Password::MAX * 4 || name.len() > Username::MAX * 4 {
            return Err(ApiError::WrongCredentials);
        }
        let attempt = LoginAttempt::new(&name, session::client_ip().as_deref());
        attempt.check(&state.store).await?;
        let creds = state.store.credentials(&name).await.map_err(internal("reading credentials"))?;
        let user_id = match creds {
            Some(c) if password::verify(&password, &c.password_hash).await => c.id,
            Some(_) => {
                attempt.failed(&state.store).await?;
                return Err(ApiError::WrongCredentials);
            }
            None => {
                password::dummy_verify(&password).await;
                attempt.failed(&state.store).await?;
                return Err(ApiError::WrongCredentials);
            }
        };
        attempt.succeeded(&state.store).await?;
        // A guest logging in to an existing account: their guest progress is offered for
        // merging (`/merge`) rather than left behind; an empty guest account is just dropped.
        let guest = session::current_user(&state).await?.filter(|u| u.username.is_none()).map(|u| u.id);
        session::start(&state, user_id).await?;
        let offered = match guest {
            Some(guest) => {
                state.store.offer_guest_merge(user_id, guest).await.map_err(internal("offering a guest merge"))?
            }
            None => false,
        };
        leptos_axum::redirect(if offered { "/merge" } else { "/" });
        Ok(())
    })
    .await
}

#[server(endpoint = "logout")]
pub async fn log_out() -> Result<(), ApiError> {
    respond(async {
        let state = AppState::current()?;
        session::end(&state).await?;
        leptos_axum::redirect("/");
        Ok(())
    })
    .await
}

/// Starts a guest account: progress is saved at once, no form to fill in.
#[server(endpoint = "guest")]
pub async fn start_guest() -> Result<(), ApiError> {
    respond(async {
        let state = AppState::current()?;
        if session::current_user(&state).await?.is_some() {
            return Ok(());
        }
        let id = state.store.create_guest().await.map_err(internal("creating guest"))?;
        session::start(&state, id).await
    })
    .await
}

/// Turns the current guest account into a named account, keeping all progress.
#[server(endpoint = "claim")]
pub async fn claim_guest(username: String, password: String) -> Result<(), ApiError> {
    respond(async {
        let state = AppState::current()?;
        let user = session::require_user(&state).await?;
        if user.username.is_some() {
            return Err(ApiError::bad_input("This account already has a username."));
        }
        let username = Username::parse(&username)?;
        let password = Password::parse(&password)?;
        claim(&state, user.id, &username, &password).await
    })
    .await
}

#[cfg(feature = "ssr")]
async fn claim(
    state: &AppState,
    user_id: store::UserId,
    username: &Username,
    password: &Password,
) -> Result<(), ApiError> {
    let hash = password::hash(password).await?;
    match state.store.claim_guest(user_id, username.as_str(), &hash).await.map_err(internal("claiming guest"))? {
        Claim::Claimed => {
            // The guest's token now opens a named account: replace it, so whoever knew the
            // guest's token (a shared computer, a planted cookie) does not get the account.
            session::start(state, user_id).await?;
            leptos_axum::redirect("/dashboard");
            Ok(())
        }
        Claim::UsernameTaken => Err(ApiError::UsernameTaken),
        Claim::NotAGuest => Err(ApiError::bad_input("This account already has a username.")),
    }
}
