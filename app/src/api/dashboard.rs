use leptos::prelude::*;

use super::{ApiError, DashboardView};
#[cfg(feature = "ssr")]
use {
    super::respond,
    super::{DayActivity, PredictionView, SectionProgress},
    crate::ssr::{AppState, session, state::internal},
};

/// The dashboard as HTML, for the dashboard page (the JSON `dashboard` is for scripts and tests).
#[server(endpoint = "dashboard_html")]
pub async fn dashboard_html() -> Result<String, ApiError> {
    let data = get_dashboard().await?;
    Ok(view! { <crate::fragments::dashboard::Dashboard data /> }.to_html())
}

/// Days shown in the activity heatmap.
pub const HEATMAP_DAYS: i64 = 365;

/// Progress per section and activity per UTC day for the last year.
#[server(endpoint = "dashboard")]
pub async fn get_dashboard() -> Result<DashboardView, ApiError> {
    respond(async {
        let state = AppState::current()?;
        let user = session::require_user(&state).await?;
        let catalog = &state.catalog;
        let states = state.store.lesson_states(user.id).await.map_err(internal("reading progress"))?;
        let sections: Vec<SectionProgress> = catalog
            .sections
            .iter()
            .map(|s| SectionProgress {
                id: s.id.to_string(),
                title: s.title.clone(),
                done: s.lessons.iter().filter(|&&i| states.done.contains(catalog.lessons[i].id.as_str())).count(),
                total: s.lessons.len(),
            })
            .collect();
        let today = chrono::Utc::now().date_naive();
        let first = today - chrono::Days::new((HEATMAP_DAYS - 1) as u64);
        let since = first.and_hms_opt(0, 0, 0).map(|t| t.and_utc().timestamp()).unwrap_or(0);
        let by_day = state.store.activity_by_day(user.id, since).await.map_err(internal("reading activity"))?;
        let first_day_number = since.div_euclid(86_400);
        let days = first
            .iter_days()
            .take(HEATMAP_DAYS as usize)
            .enumerate()
            .map(|(i, d)| DayActivity {
                date: d.format("%Y-%m-%d").to_string(),
                count: by_day.get(&(first_day_number + i as i64)).copied().unwrap_or(0),
            })
            .collect();
        let (questions_answered, ratings_given) =
            state.store.answer_and_rating_counts(user.id).await.map_err(internal("reading counts"))?;
        let tally = state.store.prediction_tally(user.id).await.map_err(internal("reading predictions"))?;
        let recent = state.store.recent_predictions(user.id, 5).await.map_err(internal("reading predictions"))?;
        let recent_predictions = recent
            .into_iter()
            .map(|p| PredictionView {
                demo_title: catalog
                    .demos
                    .get(p.demo_id.as_str())
                    .map_or_else(|| p.demo_id.clone(), |d| d.title.clone()),
                demo_id: p.demo_id,
                params: p.params,
                prediction: p.prediction,
                outcome: p.outcome,
                correct: p.correct,
            })
            .collect();
        Ok(DashboardView {
            username: user.username,
            first_weekday: chrono::Datelike::weekday(&first).num_days_from_monday() as u8,
            lessons_done: sections.iter().map(|s| s.done).sum(),
            lessons_total: catalog.lessons.len(),
            sections,
            days,
            questions_answered,
            ratings_given,
            predictions_made: tally.made,
            predictions_right: tally.right,
            recent_predictions,
        })
    })
    .await
}
