//! What a demo prints on stdout, checked against its `demo.toml` (see `content/demos/README.md`).
//! A line that breaks the rules is refused with a reason; it is never drawn.

use catalog::demo::{DemoSpec, SampleSource};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::limits::{MAX_CATEGORY_CHARS, MAX_NOTE_CHARS};

/// The runtime a run got: the numbers depend on it, so every run shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuntimeInfo {
    pub gomaxprocs: u32,
    pub num_cpu: u32,
    pub version: String,
}

/// One point of one chart: `x` is a number or (for category charts) a string.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sample {
    pub chart: String,
    pub x: Value,
    pub values: Map<String, Value>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    Runtime(RuntimeInfo),
    Sample(Sample),
    Note(String),
    Result(Value),
}

/// Reads one stdout line of `spec`'s program.
pub fn parse_line(spec: &DemoSpec, line: &str) -> Result<Line, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let Value::Object(mut object) = value else { return Err("not a JSON object".into()) };
    if let Some(runtime) = object.remove("runtime") {
        only(&object, "runtime")?;
        return parse_runtime(runtime).map(Line::Runtime);
    }
    if let Some(note) = object.remove("note") {
        only(&object, "note")?;
        let Value::String(text) = note else { return Err("note must be a string".into()) };
        return Ok(Line::Note(text.chars().take(MAX_NOTE_CHARS).collect()));
    }
    if let Some(result) = object.remove("result") {
        only(&object, "result")?;
        return match &spec.prediction {
            Some(p) if !p.accepts_result(&result) => Err(format!("result {result} does not answer the prediction")),
            _ => Ok(Line::Result(result)),
        };
    }
    parse_sample(spec, object).map(Line::Sample)
}

fn only(rest: &Map<String, Value>, key: &str) -> Result<(), String> {
    match rest.keys().next() {
        Some(other) => Err(format!("a `{key}` line has no other keys (found `{other}`)")),
        None => Ok(()),
    }
}

fn parse_runtime(value: Value) -> Result<RuntimeInfo, String> {
    let number = |key: &str| {
        value
            .get(key)
            .and_then(Value::as_u64)
            .and_then(|n| u32::try_from(n).ok())
            .ok_or(format!("runtime.{key} must be a whole number"))
    };
    let version = value.get("version").and_then(Value::as_str).ok_or("runtime.version must be a string")?;
    Ok(RuntimeInfo {
        gomaxprocs: number("gomaxprocs")?,
        num_cpu: number("num_cpu")?,
        version: version.chars().take(40).collect(),
    })
}

fn parse_sample(spec: &DemoSpec, mut object: Map<String, Value>) -> Result<Sample, String> {
    let Some(Value::String(chart_id)) = object.remove("chart") else {
        return Err("a line is a sample (with \"chart\"), runtime, note or result".into());
    };
    let chart = spec.chart(&chart_id).ok_or_else(|| format!("no chart `{chart_id}` is declared"))?;
    if chart.source != SampleSource::Samples {
        return Err(format!("chart `{chart_id}` is drawn from the scheduler trace, not from stdout"));
    }
    let x = object.remove("x").ok_or("a sample needs x")?;
    match &x {
        Value::Number(n) if n.as_f64().is_some_and(f64::is_finite) => {}
        Value::String(s)
            if chart.kind.takes_categories() && !s.is_empty() && s.chars().count() <= MAX_CATEGORY_CHARS => {}
        Value::String(_) if chart.kind.takes_categories() => {
            return Err(format!("x must be 1–{MAX_CATEGORY_CHARS} characters"));
        }
        _ => return Err(format!("x of a {} chart must be a number", chart.kind.as_str())),
    }
    if object.is_empty() {
        return Err("a sample carries at least one series".into());
    }
    for (key, value) in &object {
        if !chart.has_series(key) {
            return Err(format!("chart `{chart_id}` has no series `{key}`"));
        }
        if !value.as_f64().is_some_and(f64::is_finite) {
            return Err(format!("series `{key}` must be a finite number"));
        }
    }
    Ok(Sample { chart: chart_id, x, values: object })
}
