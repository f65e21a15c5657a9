//! Runs a demo at its extremes and checks what it prints: used by `prep-demo check` and by the
//! test that holds every demo in `content/demos/` to its `demo.toml`.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::{Duration, Instant};

use catalog::demo::{DemoSpec, ParamKind, bound_text};

use crate::{DemoEvent, DemoRunner, RunStatus};

/// Which end of every parameter's range a check runs at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extreme {
    Min,
    Default,
    Max,
}

impl Extreme {
    pub const ALL: [Extreme; 3] = [Extreme::Min, Extreme::Default, Extreme::Max];
}

/// The parameters at one extreme: min/max of numbers, first/last of choices.
pub fn params_at(spec: &DemoSpec, extreme: Extreme) -> Vec<(String, String)> {
    spec.params
        .iter()
        .map(|p| {
            let value = match (extreme, p.kind) {
                (Extreme::Default, _) => p.default_text(),
                (Extreme::Min, ParamKind::Choice) => p.choices.first().cloned().unwrap_or_default(),
                (Extreme::Max, ParamKind::Choice) => p.choices.last().cloned().unwrap_or_default(),
                (Extreme::Min, _) => bound_text(p.min.unwrap_or(0.0)),
                (Extreme::Max, _) => bound_text(p.max.unwrap_or(0.0)),
            };
            (p.name.clone(), value)
        })
        .collect()
}

/// What one checked run did.
#[derive(Debug)]
pub struct CheckReport {
    pub elapsed: Duration,
    pub first_sample: Option<Duration>,
    pub samples_per_chart: BTreeMap<String, u64>,
    pub problems: Vec<String>,
}

/// Runs `id` once at `extreme` and lists everything that breaks the demo contract.
pub async fn check_run(runner: &Arc<DemoRunner>, id: &str, extreme: Extreme, owner: &str) -> CheckReport {
    let spec = runner.spec(id).expect("checked demos exist").clone();
    let params = params_at(&spec, extreme);
    let prediction = spec.prediction.as_ref().map(|p| match p.kind {
        catalog::demo::PredictionKind::Number => "1".to_string(),
        catalog::demo::PredictionKind::Choice => p.choices[0].clone(),
    });
    let mut problems = Vec::new();
    let mut samples_per_chart: BTreeMap<String, u64> = BTreeMap::new();
    let started = Instant::now();
    let mut first_sample = None;
    let mut run = match runner.start(id, owner, &params, prediction.as_deref()) {
        Ok(run) => run,
        Err(e) => {
            problems.push(format!("refused its own {extreme:?} parameters: {e}"));
            return CheckReport { elapsed: started.elapsed(), first_sample, samples_per_chart, problems };
        }
    };
    let (mut runtime, mut result, mut finished) = (false, false, None);
    let mut running_since = None;
    while let Some(event) = run.events.recv().await {
        match event {
            DemoEvent::Started { .. } => running_since = Some(Instant::now()),
            DemoEvent::Runtime(_) => runtime = true,
            DemoEvent::Sample(s) => {
                first_sample.get_or_insert_with(|| running_since.unwrap_or(started).elapsed());
                *samples_per_chart.entry(s.chart).or_default() += 1;
            }
            DemoEvent::Result { .. } => result = true,
            DemoEvent::Finished { status, rejected, message, .. } => {
                finished = Some((status, rejected, message));
            }
            DemoEvent::Error { message } => problems.push(message),
            DemoEvent::Queued { .. } | DemoEvent::Note { .. } => {}
        }
    }
    let elapsed = running_since.map_or(started.elapsed(), |s| s.elapsed());
    match finished {
        Some((RunStatus::Completed, 0, _)) => {}
        Some((status, rejected, message)) => {
            problems.push(format!("{status:?}, {rejected} line(s) refused: {}", message.unwrap_or_default()));
        }
        None => problems.push("the run never finished".into()),
    }
    if !runtime {
        problems.push("printed no {\"runtime\": …} line".into());
    }
    if spec.prediction.is_some() && !result {
        problems.push("has a prediction but printed no result".into());
    }
    let declared: BTreeSet<&str> = spec.charts.iter().map(|c| c.id.as_str()).collect();
    for chart in declared {
        if !samples_per_chart.contains_key(chart) {
            problems.push(format!("chart `{chart}` got no sample"));
        }
    }
    CheckReport { elapsed, first_sample, samples_per_chart, problems }
}
