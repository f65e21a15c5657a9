//! A demo's panel, rendered on the server into the lesson's (and `/demos/<id>`'s) HTML: the
//! parameter form, the prediction, the chart frames and the "what you are seeing" text. Static
//! markup on purpose: the live part (running, streaming, drawing) is `/pkg/demo/panel.js`,
//! loaded by the shell, which fills the frames and never replaces these nodes; and none of this
//! ships in the wasm bundle. Without JavaScript the form still shows what the demo takes and
//! what it would draw.

use leptos::prelude::*;

use crate::api::{DemoInput, DemoPanel, DemoParamField, DemoPredictionField};

/// The demos of a lesson, under their heading.
#[component]
pub fn LessonDemos(panels: Vec<DemoPanel>) -> impl IntoView {
    view! {
        <h2>"Run it on the server"</h2>
        <p class="muted">
            "These programs run for real on this server's Go runtime when you press Run; "
            "the charts show what they measure as it happens."
        </p>
        {panels.into_iter().map(|panel| view! { <DemoPanelView panel /> }).collect_view()}
    }
}

#[component]
pub fn DemoPanelView(panel: DemoPanel) -> impl IntoView {
    let DemoPanel { id, title, summary, look_for, caveat, timeout_seconds, params, prediction, charts } = panel;
    let title_id = format!("demo-{id}-title");
    let labelled_by = title_id.clone();
    let section_id = format!("demo-{id}");
    let run_url = format!("/api/demos/{id}/runs");
    let page_url = format!("/demos/{id}");
    view! {
        <section class="demo" id=section_id data-demo=id aria-labelledby=labelled_by>
            <h3 id=title_id>{title}</h3>
            <p class="demo-summary">{summary}</p>
            <form class="demo-form" data-run-url=run_url action=page_url method="get">
                {(!params.is_empty()).then(|| view! {
                    <fieldset class="demo-params">
                        <legend>"Parameters"</legend>
                        {params.into_iter().map(|p| view! { <ParamInput param=p /> }).collect_view()}
                    </fieldset>
                })}
                {prediction.map(|p| view! { <PredictionInput prediction=p /> })}
                <button type="submit" class="demo-run">"Run"</button>
                <button type="button" class="demo-stop" disabled>"Stop"</button>
                <span class="muted demo-limit">{format!("Runs for at most {timeout_seconds} s on the server.")}</span>
            </form>
            <p class="demo-status" role="status" aria-live="polite"></p>
            <dl class="demo-machine" hidden></dl>
            <pre class="demo-build" hidden></pre>
            <div class="demo-charts">
                {charts
                    .into_iter()
                    .map(|c| view! {
                        <figure class="demo-chart" data-chart=c.chart_json>
                            <figcaption>{c.title}</figcaption>
                            <div class="demo-plot"></div>
                        </figure>
                    })
                    .collect_view()}
            </div>
            <ol class="demo-log" aria-label="Run log"></ol>
            <div class="demo-look-for">
                <h4>"What you are seeing"</h4>
                <ul>{look_for.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            </div>
            <p class="demo-caveat"><strong>"Caveat: "</strong>{caveat}</p>
        </section>
    }
}

#[component]
fn ParamInput(param: DemoParamField) -> impl IntoView {
    let DemoParamField { name, label, input, default, unit, help } = param;
    let control = match input {
        DemoInput::Number { min, max, whole } => view! {
            <input
                type="number"
                name=name
                min=min
                max=max
                step=if whole { "1" } else { "any" }
                value=default
                required
            />
        }
        .into_any(),
        DemoInput::Choice(choices) => view! {
            <select name=name>
                {choices
                    .into_iter()
                    .map(|c| {
                        let selected = c == default;
                        view! { <option selected=selected>{c}</option> }
                    })
                    .collect_view()}
            </select>
        }
        .into_any(),
    };
    view! {
        <label>
            <span class="demo-label">{label}</span>
            {control}
            {unit.map(|u| view! { <span class="unit">{u}</span> })}
            {help.map(|h| view! { <small class="muted demo-help">{h}</small> })}
        </label>
    }
}

#[component]
fn PredictionInput(prediction: DemoPredictionField) -> impl IntoView {
    let DemoPredictionField { question, input, unit } = prediction;
    let control = match input {
        DemoInput::Number { .. } => {
            view! { <input type="number" name="prediction" step="any" inputmode="decimal" /> }.into_any()
        }
        DemoInput::Choice(choices) => view! {
            <select name="prediction">
                <option value="">"—"</option>
                {choices.into_iter().map(|c| view! { <option>{c}</option> }).collect_view()}
            </select>
        }
        .into_any(),
    };
    view! {
        <fieldset class="demo-prediction">
            <legend>"Predict first (optional)"</legend>
            <label>
                <span class="demo-label">{question}</span>
                {control}
                {unit.map(|u| view! { <span class="unit">{u}</span> })}
            </label>
        </fieldset>
    }
}
