//! Demo panels: the catalog's `demo.toml` turned into what a page draws. Running a demo is not
//! a server function: it streams, so it is the server's `POST /api/demos/{id}/runs`.

use leptos::prelude::*;

use super::{ApiError, DemoPageView};
#[cfg(feature = "ssr")]
use {
    super::{DemoChartFrame, DemoInput, DemoPanel, DemoParamField, DemoPredictionField, LessonLink, respond},
    crate::fragments::demo_panel::{DemoPanelView, LessonDemos},
    crate::ssr::AppState,
    catalog::demo::{DemoSpec, ParamKind, PredictionKind, bound_text},
};

/// One demo and the lesson it belongs to, for `/demos/<id>`.
#[server(endpoint = "demo")]
pub async fn get_demo(id: String) -> Result<DemoPageView, ApiError> {
    respond(async {
        let state = AppState::current()?;
        let demo = state.catalog.demos.get(id.as_str()).ok_or_else(|| ApiError::NotFound("Demo".into()))?;
        let lesson = demo
            .lesson
            .as_ref()
            .and_then(|l| state.catalog.lesson(l.as_str()))
            .map(|l| LessonLink { id: l.id.to_string(), title: l.title.clone() });
        let panel = panel(&demo.spec);
        let panel_html = view! { <DemoPanelView panel /> }.to_html();
        Ok(DemoPageView { title: demo.title.clone(), panel_html, lesson })
    })
    .await
}

/// The demos a lesson links that exist, rendered; "" when there are none.
#[cfg(feature = "ssr")]
pub(crate) fn lesson_demos_html(catalog: &catalog::Catalog, linked: &[catalog::LinkedItem]) -> String {
    let panels: Vec<DemoPanel> =
        linked.iter().filter_map(|d| catalog.demos.get(d.id.as_str())).map(|d| panel(&d.spec)).collect();
    if panels.is_empty() {
        return String::new();
    }
    view! { <LessonDemos panels /> }.to_html()
}

#[cfg(feature = "ssr")]
pub(crate) fn panel(spec: &DemoSpec) -> DemoPanel {
    let params = spec
        .params
        .iter()
        .map(|p| DemoParamField {
            name: p.name.clone(),
            label: p.label.clone(),
            input: match p.kind {
                ParamKind::Int => {
                    DemoInput::Number { min: p.min.map(bound_text), max: p.max.map(bound_text), whole: true }
                }
                ParamKind::Float => {
                    DemoInput::Number { min: p.min.map(bound_text), max: p.max.map(bound_text), whole: false }
                }
                ParamKind::Choice => DemoInput::Choice(p.choices.clone()),
            },
            default: p.default_text(),
            unit: p.unit.clone(),
            help: p.help.clone(),
        })
        .collect();
    let prediction = spec.prediction.as_ref().map(|p| DemoPredictionField {
        question: p.question.clone(),
        input: match p.kind {
            PredictionKind::Number => DemoInput::Number { min: None, max: None, whole: false },
            PredictionKind::Choice => DemoInput::Choice(p.choices.clone()),
        },
        unit: p.unit.clone(),
    });
    let charts = spec
        .charts
        .iter()
        .map(|c| DemoChartFrame {
            id: c.id.clone(),
            title: c.title.clone(),
            // Plain data of our own types: serialising cannot fail.
            chart_json: serde_json::to_string(c).unwrap_or_default(),
        })
        .collect();
    DemoPanel {
        id: spec.id.to_string(),
        title: spec.title.clone(),
        summary: spec.summary.clone(),
        look_for: spec.look_for.clone(),
        caveat: spec.caveat.clone(),
        timeout_seconds: spec.timeout_seconds,
        params,
        prediction,
        charts,
    }
}
