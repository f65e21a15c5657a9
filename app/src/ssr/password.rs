//! Argon2id password hashing, off the async runtime (a hash takes tens of milliseconds).

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

use crate::api::ApiError;
use crate::api::fields::Password;

pub async fn hash(password: &Password) -> Result<String, ApiError> {
    let password = password.as_str().to_owned();
    tokio::task::spawn_blocking(move || {
        let salt = new_salt()?;
        Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string())
    })
    .await
    .map_err(|e| {
        tracing::error!(error = %e, "password hashing task failed");
        ApiError::Internal
    })?
    .map_err(|e| {
        tracing::error!(error = %e, "password hashing failed");
        ApiError::Internal
    })
}

pub async fn verify(password: &str, stored_hash: &str) -> bool {
    let password = password.to_owned();
    let stored_hash = stored_hash.to_owned();
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&stored_hash)
            .map(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

/// A hash of a password nobody has, verified against when the username does not exist, so a
/// failed login takes as long whether or not the account exists.
pub async fn dummy_verify(password: &str) {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let hash = DUMMY.get_or_init(|| {
        new_salt()
            .and_then(|salt| Argon2::default().hash_password(b"not-a-real-password", &salt).map(|h| h.to_string()))
            .unwrap_or_default()
    });
    let _ = verify(password, hash).await;
}

fn new_salt() -> Result<SaltString, argon2::password_hash::Error> {
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    SaltString::encode_b64(&bytes)
}
