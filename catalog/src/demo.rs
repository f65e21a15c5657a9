//! `content/demos/<id>/demo.toml`: the one parser of the format (described in
//! `content/demos/README.md`). The course reads it to draw a demo's panel, the demo runner to
//! validate parameters, run the program and check what it prints; both get the same typed spec.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use domain::Id;
use serde::{Deserialize, Serialize};

use crate::error::LoadError;
use crate::problem::one_line;

pub const SPEC_FILE: &str = "demo.toml";
pub const PROGRAM_FILE: &str = "main.go";
/// `content/demos/shared/`: Go files built into every demo (the output protocol's helpers).
pub const SHARED_DIR: &str = "shared";

/// No demo may hold a slot longer than this: a queue of learners waits behind it.
pub const MAX_TIMEOUT_SECONDS: u32 = 30;

/// Highest P index the scheduler-trace series may name (`p0` … `p63`).
pub const MAX_TRACED_PS: usize = 64;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoSpec {
    /// Equals the folder's name.
    pub id: Id,
    pub title: String,
    /// The lesson that teaches it (checked against the course by the catalog).
    pub lesson: Id,
    pub summary: String,
    /// "What you are seeing": short points shown beside the charts.
    pub look_for: Vec<String>,
    /// The caveat that matters when reading the numbers (cores, noise).
    pub caveat: String,
    pub timeout_seconds: u32,
    /// GODEBUG for the run; `schedtrace=N` makes the runner parse the scheduler's own trace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub godebug: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub build_flags: Vec<String>,
    #[serde(default)]
    pub show_build_output: bool,
    #[serde(default)]
    pub params: Vec<Param>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prediction: Option<Prediction>,
    pub charts: Vec<Chart>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Param {
    pub name: String,
    pub label: String,
    pub kind: ParamKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    pub default: toml::Value,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ParamKind {
    Int,
    Float,
    Choice,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prediction {
    pub question: String,
    pub kind: PredictionKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Number predictions: right when within this fraction of the result (0.25 = ±25 %).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PredictionKind {
    Number,
    Choice,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chart {
    pub id: String,
    pub title: String,
    pub kind: ChartKind,
    #[serde(default)]
    pub source: SampleSource,
    pub x_label: String,
    #[serde(default)]
    pub x_unit: String,
    pub y_label: String,
    #[serde(default)]
    pub y_unit: String,
    pub series: Vec<Series>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChartKind {
    Line,
    StackedArea,
    StackedBar,
    Histogram,
    Bars,
}

impl ChartKind {
    /// The spelling in `demo.toml` (and in the chart JSON the page reads).
    pub fn as_str(self) -> &'static str {
        match self {
            ChartKind::Line => "line",
            ChartKind::StackedArea => "stacked-area",
            ChartKind::StackedBar => "stacked-bar",
            ChartKind::Histogram => "histogram",
            ChartKind::Bars => "bars",
        }
    }

    /// Whether x may be a category (a string) rather than a number.
    pub fn takes_categories(self) -> bool {
        matches!(self, ChartKind::StackedBar | ChartKind::Histogram | ChartKind::Bars)
    }
}

/// Where a chart's samples come from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SampleSource {
    /// The program's stdout.
    #[default]
    Samples,
    /// The runtime's `GODEBUG=schedtrace` lines, parsed by the runner.
    Schedtrace,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    pub key: String,
    pub label: String,
}

/// The series a scheduler trace provides besides `p0` … `p63`.
pub const SCHEDTRACE_SERIES: &[&str] = &["global", "idle_procs", "spinning", "threads", "idle_threads"];

impl DemoSpec {
    /// Reads and checks `<dir>/demo.toml` (and that `main.go` is beside it).
    pub fn load(dir: &Path) -> Result<DemoSpec, LoadError> {
        let path = dir.join(SPEC_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| LoadError::new(&path, e.to_string()))?;
        let spec: DemoSpec = toml::from_str(&text).map_err(|e| LoadError::new(&path, one_line(&e)))?;
        let folder = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if spec.id.as_str() != folder {
            return Err(LoadError::new(&path, format!("id `{}` differs from its folder name `{folder}`", spec.id)));
        }
        spec.check().map_err(|reason| LoadError::new(&path, reason))?;
        if !dir.join(PROGRAM_FILE).is_file() {
            return Err(LoadError::new(&path, format!("{PROGRAM_FILE} is missing beside it")));
        }
        Ok(spec)
    }

    pub fn chart(&self, id: &str) -> Option<&Chart> {
        self.charts.iter().find(|c| c.id == id)
    }

    /// The scheduler-trace interval, when the demo asks for one.
    pub fn schedtrace_ms(&self) -> Option<u32> {
        let godebug = self.godebug.as_deref()?;
        godebug.split(',').find_map(|kv| kv.trim().strip_prefix("schedtrace=")?.parse().ok())
    }

    fn check(&self) -> Result<(), String> {
        for (what, text) in [("title", &self.title), ("summary", &self.summary), ("caveat", &self.caveat)] {
            if text.trim().is_empty() {
                return Err(format!("{what} must not be empty"));
            }
        }
        if self.look_for.is_empty() || self.look_for.iter().any(|s| s.trim().is_empty()) {
            return Err("look_for must list at least one non-empty point".into());
        }
        if !(1..=MAX_TIMEOUT_SECONDS).contains(&self.timeout_seconds) {
            return Err(format!("timeout_seconds must be 1..={MAX_TIMEOUT_SECONDS}"));
        }
        let mut names = HashSet::new();
        for param in &self.params {
            param.check().map_err(|e| format!("param `{}`: {e}", param.name))?;
            if !names.insert(param.name.as_str()) {
                return Err(format!("param `{}` is declared twice", param.name));
            }
        }
        if names.contains("prediction") {
            return Err("`prediction` is reserved and cannot be a param name".into());
        }
        if let Some(p) = &self.prediction {
            p.check().map_err(|e| format!("prediction: {e}"))?;
        }
        if self.charts.is_empty() {
            return Err("declares no chart".into());
        }
        let mut chart_ids = HashSet::new();
        for chart in &self.charts {
            chart.check().map_err(|e| format!("chart `{}`: {e}", chart.id))?;
            if !chart_ids.insert(chart.id.as_str()) {
                return Err(format!("chart `{}` is declared twice", chart.id));
            }
            if chart.source == SampleSource::Schedtrace && self.schedtrace_ms().is_none() {
                return Err(format!("chart `{}` reads the scheduler trace but godebug has no schedtrace=MS", chart.id));
            }
        }
        Ok(())
    }
}

/// `[a-z][a-z0-9_]*`, at most 32 characters: safe as a flag name, a JSON key and a CSS hook.
fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    s.len() <= 32
        && chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

impl Param {
    fn check(&self) -> Result<(), String> {
        if !is_name(&self.name) {
            return Err("name must match [a-z][a-z0-9_]* (at most 32 characters)".into());
        }
        if self.label.trim().is_empty() {
            return Err("label must not be empty".into());
        }
        match self.kind {
            ParamKind::Int | ParamKind::Float => {
                let (Some(min), Some(max)) = (self.min, self.max) else {
                    return Err("a number needs min and max".into());
                };
                if !(min.is_finite() && max.is_finite() && min <= max) {
                    return Err("min must be at most max".into());
                }
                if !self.choices.is_empty() {
                    return Err("choices belong to kind = \"choice\"".into());
                }
                self.parse(&toml_scalar(&self.default)).map_err(|e| format!("default: {e}"))?;
            }
            ParamKind::Choice => {
                if self.choices.is_empty() || self.min.is_some() || self.max.is_some() {
                    return Err("a choice lists choices and has no min or max".into());
                }
                self.parse(&toml_scalar(&self.default)).map_err(|e| format!("default: {e}"))?;
            }
        }
        Ok(())
    }

    /// The default as the form shows it.
    pub fn default_text(&self) -> String {
        toml_scalar(&self.default)
    }

    /// Checks one value typed by a learner; returns it as the program will see it.
    pub fn parse(&self, raw: &str) -> Result<String, String> {
        let raw = raw.trim();
        let range = || {
            let unit = self.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
            format!("between {} and {}{unit}", bound_text(self.min.unwrap_or(0.0)), bound_text(self.max.unwrap_or(0.0)))
        };
        match self.kind {
            ParamKind::Int => {
                let value: i64 = raw.parse().map_err(|_| format!("must be a whole number {}", range()))?;
                let v = value as f64;
                if v < self.min.unwrap_or(f64::MIN) || v > self.max.unwrap_or(f64::MAX) {
                    return Err(format!("must be {}", range()));
                }
                Ok(value.to_string())
            }
            ParamKind::Float => {
                let value: f64 = raw
                    .parse()
                    .ok()
                    .filter(|v: &f64| v.is_finite())
                    .ok_or_else(|| format!("must be a number {}", range()))?;
                if value < self.min.unwrap_or(f64::MIN) || value > self.max.unwrap_or(f64::MAX) {
                    return Err(format!("must be {}", range()));
                }
                Ok(value.to_string())
            }
            ParamKind::Choice => match self.choices.iter().find(|c| c.as_str() == raw) {
                Some(c) => Ok(c.clone()),
                None => Err(format!("must be one of: {}", self.choices.join(", "))),
            },
        }
    }
}

fn toml_scalar(value: &toml::Value) -> String {
    match value {
        toml::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A bound as people write it: `8`, not `8.0`; `0.25` as is. The form, the error messages and
/// `prep-demo check` all show bounds this way.
pub fn bound_text(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 { format!("{}", v as i64) } else { format!("{v}") }
}

impl Prediction {
    fn check(&self) -> Result<(), String> {
        if self.question.trim().is_empty() {
            return Err("question must not be empty".into());
        }
        match self.kind {
            PredictionKind::Number => {
                let ok = self.tolerance.is_some_and(|t| t.is_finite() && t > 0.0 && t <= 1.0);
                if !ok || !self.choices.is_empty() {
                    return Err("a number prediction needs a tolerance in (0, 1] and no choices".into());
                }
            }
            PredictionKind::Choice => {
                if self.choices.len() < 2 || self.tolerance.is_some() {
                    return Err("a choice prediction lists at least two choices and has no tolerance".into());
                }
            }
        }
        Ok(())
    }

    /// Checks a learner's prediction; `None` for an empty answer (predicting is optional).
    pub fn parse(&self, raw: &str) -> Result<Option<String>, String> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Ok(None);
        }
        match self.kind {
            PredictionKind::Number => match raw.parse::<f64>() {
                Ok(v) if v.is_finite() => Ok(Some(v.to_string())),
                _ => Err("the prediction must be a number".into()),
            },
            PredictionKind::Choice => match self.choices.iter().find(|c| c.as_str() == raw) {
                Some(c) => Ok(Some(c.clone())),
                None => Err(format!("the prediction must be one of: {}", self.choices.join(", "))),
            },
        }
    }

    /// Whether `prediction` (as returned by [`Prediction::parse`]) matches the demo's result.
    pub fn is_right(&self, prediction: &str, result: &serde_json::Value) -> bool {
        match self.kind {
            PredictionKind::Number => {
                let (Ok(guess), Some(actual)) = (prediction.parse::<f64>(), result.as_f64()) else { return false };
                let tolerance = self.tolerance.unwrap_or(0.0);
                (guess - actual).abs() <= tolerance * actual.abs().max(f64::MIN_POSITIVE)
            }
            PredictionKind::Choice => result.as_str() == Some(prediction),
        }
    }

    /// Whether `result` is a value this prediction can be compared with.
    pub fn accepts_result(&self, result: &serde_json::Value) -> bool {
        match self.kind {
            PredictionKind::Number => result.as_f64().is_some_and(f64::is_finite),
            PredictionKind::Choice => result.as_str().is_some_and(|r| self.choices.iter().any(|c| c == r)),
        }
    }
}

impl Chart {
    fn check(&self) -> Result<(), String> {
        if !is_name(&self.id) {
            return Err("id must match [a-z][a-z0-9_]* (at most 32 characters)".into());
        }
        if self.title.trim().is_empty() || self.x_label.trim().is_empty() || self.y_label.trim().is_empty() {
            return Err("title, x_label and y_label must not be empty".into());
        }
        if self.series.is_empty() {
            return Err("declares no series".into());
        }
        let mut keys = HashSet::new();
        for s in &self.series {
            if !is_name(&s.key) || s.key == "chart" || s.key == "x" {
                return Err(format!("series key `{}` must match [a-z][a-z0-9_]* and not be `chart` or `x`", s.key));
            }
            if s.label.trim().is_empty() {
                return Err(format!("series `{}` has an empty label", s.key));
            }
            if !keys.insert(s.key.as_str()) {
                return Err(format!("series `{}` is declared twice", s.key));
            }
            let n = MAX_TRACED_PS - 1;
            if self.source == SampleSource::Schedtrace && !is_schedtrace_series(&s.key) {
                return Err(format!(
                    "series `{}` is not in the scheduler trace (p0…p{n}, ticks_p0…ticks_p{n}, {})",
                    s.key,
                    SCHEDTRACE_SERIES.join(", ")
                ));
            }
        }
        Ok(())
    }

    pub fn has_series(&self, key: &str) -> bool {
        self.series.iter().any(|s| s.key == key)
    }
}

fn is_schedtrace_series(key: &str) -> bool {
    SCHEDTRACE_SERIES.contains(&key)
        || key
            .strip_prefix('p')
            .and_then(|n| n.parse::<usize>().ok())
            .is_some_and(|n| n < MAX_TRACED_PS && key == format!("p{n}"))
}

/// The demo folders under `root` (each holding a `demo.toml`), in name order.
pub fn demo_dirs(root: &Path) -> Result<Vec<PathBuf>, LoadError> {
    if !root.is_dir() {
        return Ok(Vec::new());
    }
    let entries = std::fs::read_dir(root).map_err(|e| LoadError::new(root, e.to_string()))?;
    let mut dirs = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| LoadError::new(root, e.to_string()))?.path();
        let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if !hidden && path.join(SPEC_FILE).is_file() {
            dirs.push(path);
        }
    }
    dirs.sort();
    Ok(dirs)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
id = "d"
title = "T"
lesson = "l"
summary = "S"
look_for = ["x"]
caveat = "C"
timeout_seconds = 10
godebug = "schedtrace=50"

[[params]]
name = "workers"
label = "Workers"
kind = "int"
min = 1
max = 8
default = 4
unit = "Ps"

[[params]]
name = "skew"
label = "Skew"
kind = "choice"
choices = ["none", "high"]
default = "high"

[prediction]
question = "Q?"
kind = "number"
tolerance = 0.25

[[charts]]
id = "queues"
title = "Q"
kind = "line"
source = "schedtrace"
x_label = "time"
y_label = "n"
series = [{ key = "p0", label = "P0" }, { key = "global", label = "global" }]
"#;

    fn load(toml: &str) -> Result<DemoSpec, String> {
        let dir = tempfile::tempdir().unwrap();
        let demo = dir.path().join("d");
        std::fs::create_dir(&demo).unwrap();
        std::fs::write(demo.join(SPEC_FILE), toml).unwrap();
        std::fs::write(demo.join(PROGRAM_FILE), "package main").unwrap();
        DemoSpec::load(&demo).map_err(|e| e.reason)
    }

    #[test]
    fn a_good_spec_loads_and_checks_values() {
        let spec = load(GOOD).unwrap();
        assert_eq!(spec.schedtrace_ms(), Some(50));
        let workers = &spec.params[0];
        assert_eq!(workers.parse(" 8 "), Ok("8".into()));
        assert_eq!(workers.parse("9"), Err("must be between 1 and 8 Ps".into()));
        assert_eq!(workers.parse("2.5"), Err("must be a whole number between 1 and 8 Ps".into()));
        assert_eq!(spec.params[1].parse("high"), Ok("high".into()));
        assert_eq!(spec.params[1].parse("HIGH"), Err("must be one of: none, high".into()));
        let p = spec.prediction.as_ref().unwrap();
        assert!(p.is_right("4", &serde_json::json!(3.5)), "within 25 %");
        assert!(!p.is_right("5", &serde_json::json!(3.5)));
        assert_eq!(p.parse(""), Ok(None), "predicting is optional");
        assert!(p.parse("fast").is_err());
    }

    #[test]
    fn broken_specs_say_what_is_wrong() {
        let cases = [
            ("timeout_seconds = 10", "timeout_seconds = 31", "timeout_seconds must be 1..=30"),
            ("default = 4", "default = 9", "param `workers`: default: must be between 1 and 8 Ps"),
            ("min = 1", "min = 10", "param `workers`: min must be at most max"),
            ("kind = \"line\"", "kind = \"pie\"", "unknown variant `pie`"),
            ("{ key = \"p0\"", "{ key = \"p99\"", "series `p99` is not in the scheduler trace"),
            ("godebug = \"schedtrace=50\"", "", "reads the scheduler trace but godebug has no schedtrace=MS"),
            ("tolerance = 0.25", "tolerance = 0", "a number prediction needs a tolerance"),
            ("caveat = \"C\"", "caveat = \"C\"\ncolour = \"red\"", "unknown field `colour`"),
            ("name = \"skew\"", "name = \"workers\"", "param `workers` is declared twice"),
            ("look_for = [\"x\"]", "look_for = []", "look_for must list at least one"),
        ];
        for (from, to, expected) in cases {
            let toml = GOOD.replacen(from, to, 1);
            let err = load(&toml).expect_err(expected);
            assert!(err.contains(expected), "{expected:?} not in {err:?}");
        }
        let dir = tempfile::tempdir().unwrap();
        let demo = dir.path().join("other");
        std::fs::create_dir(&demo).unwrap();
        std::fs::write(demo.join(SPEC_FILE), GOOD).unwrap();
        let err = DemoSpec::load(&demo).unwrap_err().to_string();
        assert!(err.ends_with("demo.toml: id `d` differs from its folder name `other`"), "{err}");
    }
}
