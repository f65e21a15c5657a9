//! The learner's review settings: desired retention, and FSRS parameters fitted to their own
//! reviews (see `crate::ssr::review`). Forms post here and come back to `/settings`.

use leptos::prelude::*;

use super::ApiError;
#[cfg(feature = "ssr")]
use {
    super::plain_form::{is_plain_form, with_query},
    super::respond,
    crate::ssr::review::LearnerSettings,
    crate::ssr::{AppState, session, state::internal},
    review::DesiredRetention,
};

/// What `/settings` shows about review, as data.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ReviewPreferences {
    pub desired_retention: f32,
    /// Reviews the optimizer can learn from (of cards seen on an earlier day).
    pub usable_reviews: usize,
    /// How many it needs before parameters are fitted.
    pub reviews_needed: usize,
    /// `None` while the defaults are in use.
    pub fitted: Option<FittedSummary>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FittedSummary {
    pub reviews_used: i64,
    pub fitted_at: i64,
    pub weights: Vec<f32>,
}

#[server(endpoint = "review_settings")]
pub async fn review_settings() -> Result<ReviewPreferences, ApiError> {
    respond(async {
        let state = AppState::current()?;
        let user = session::require_user(&state).await?;
        let settings = LearnerSettings::load(&state.store, user.id).await.map_err(internal("reading settings"))?;
        let usable =
            crate::ssr::review::usable_reviews(&state.store, user.id).await.map_err(internal("counting reviews"))?;
        Ok(ReviewPreferences {
            desired_retention: settings.retention.get(),
            usable_reviews: usable,
            reviews_needed: review::MIN_REVIEWS_TO_FIT,
            fitted: settings.fitted.map(|(_, f)| FittedSummary {
                reviews_used: f.reviews_used,
                fitted_at: f.fitted_at,
                weights: f.weights,
            }),
        })
    })
    .await
}

/// The review part of `/settings` as HTML: the retention form, the parameters' state and the
/// forgetting curve they predict.
#[server(endpoint = "review_settings_html")]
pub async fn review_settings_html() -> Result<String, ApiError> {
    use crate::fragments::review_settings::ReviewSettingsPanel;
    let settings = review_settings().await?;
    Ok(view! { <ReviewSettingsPanel settings /> }.to_html())
}

/// Reads a retention as a learner may type it: `0.85`, `85` or `85%`.
#[cfg(feature = "ssr")]
fn parse_retention(text: &str) -> Result<DesiredRetention, ApiError> {
    let refuse = || {
        ApiError::bad_input(format!(
            "Desired retention is a share between {:.2} and {:.2} (for example 0.90).",
            DesiredRetention::MIN,
            DesiredRetention::MAX
        ))
    };
    let text = text.trim();
    let (number, percent) = match text.strip_suffix('%') {
        Some(n) => (n.trim(), true),
        None => (text, false),
    };
    let value: f32 = number.parse().map_err(|_| refuse())?;
    let value = if percent || value > 1.0 { value / 100.0 } else { value };
    // Two decimals, as the form's step: 0.899999 from a float round trip is still 0.90.
    let value = (value * 100.0).round() / 100.0;
    DesiredRetention::new(value).ok_or_else(refuse)
}

/// Sets the desired retention. Cards keep their due dates; the new retention applies from each
/// card's next review (as in Anki, without a reschedule).
#[server(endpoint = "set_desired_retention")]
pub async fn set_desired_retention(retention: String) -> Result<(), ApiError> {
    let result = respond(async {
        let state = AppState::current()?;
        let user = session::require_user(&state).await?;
        let retention = parse_retention(&retention)?;
        state
            .store
            .set_desired_retention(user.id, f64::from(retention.get()))
            .await
            .map_err(internal("saving retention"))?;
        Ok(())
    })
    .await;
    back_to_settings(result, "retention")
}

/// Fits the learner's parameters now (they are also refitted as reviews come in).
#[server(endpoint = "fit_review_parameters")]
pub async fn fit_review_parameters() -> Result<(), ApiError> {
    let result = respond(async {
        let state = AppState::current()?;
        let user = session::require_user(&state).await?;
        match crate::ssr::review::refit(&state.store, user.id, store::now()).await {
            Ok(_) => Ok(()),
            Err(crate::ssr::review::ReviewError::Fit(e @ review::FitError::NotEnoughReviews { .. })) => {
                Err(ApiError::bad_input(format!("Not yet: you have {e}.")))
            }
            Err(crate::ssr::review::ReviewError::Fit(e @ review::FitError::TooFewCards)) => {
                Err(ApiError::bad_input(format!("Not yet: {e}. Review more different cards and try again.")))
            }
            Err(e) => Err(internal("fitting parameters")(e)),
        }
    })
    .await;
    back_to_settings(result, "parameters")
}

/// A plain form goes back to `/settings` saying what was saved or why it was refused.
#[cfg(feature = "ssr")]
fn back_to_settings(result: Result<(), ApiError>, saved: &str) -> Result<(), ApiError> {
    if !is_plain_form() {
        return result;
    }
    match &result {
        Ok(()) => leptos_axum::redirect(&with_query("/settings", "saved", saved)),
        Err(ApiError::NotLoggedIn) => return result,
        Err(e) => leptos_axum::redirect(&with_query("/settings", "refused", &e.to_string())),
    }
    Ok(())
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::parse_retention;

    #[test]
    fn retention_is_read_as_typed_and_bounded() {
        for (text, want) in
            [("0.85", 0.85), ("85", 0.85), ("85 %", 0.85), (" 0.9 ", 0.90), ("97%", 0.97), ("0.7", 0.70)]
        {
            assert_eq!(parse_retention(text).unwrap().get(), want, "{text}");
        }
        for text in ["", "abc", "0.69", "0.98", "1", "-0.9", "NaN", "inf", "150%"] {
            assert!(parse_retention(text).is_err(), "{text} accepted");
        }
    }
}
