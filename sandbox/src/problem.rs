//! Loading a problem directory (`content/problems/<id>/`, format in `content/problems/README.md`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::checker::Checker;
use crate::error::{Error, Result};
use crate::lang::Language;
use crate::verdict::Verdict;

/// Whether the learner writes one function (called by a per-problem driver) or a whole program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    #[default]
    Function,
    Program,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// Linear memory the program may grow to.
    #[serde(default = "default_memory_mb")]
    pub memory_mb: u64,
    /// Captured stdout beyond this is OLE.
    #[serde(default = "default_output_kb")]
    pub output_kb: u64,
    /// A test's fuel limit is `fuel_factor ×` the reference solution's cost on it …
    #[serde(default = "default_fuel_factor")]
    pub fuel_factor: f64,
    /// … but never less than this (it covers runtime start-up on tiny tests).
    #[serde(default = "default_fuel_floor")]
    pub fuel_floor: u64,
    /// Per-language overrides of the two above (Go's runtime costs more to start).
    #[serde(default)]
    pub rust: Option<FuelOverride>,
    #[serde(default)]
    pub go: Option<FuelOverride>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FuelOverride {
    pub fuel_factor: Option<f64>,
    pub fuel_floor: Option<u64>,
}

fn default_memory_mb() -> u64 {
    256
}
fn default_output_kb() -> u64 {
    1024
}
fn default_fuel_factor() -> f64 {
    5.0
}
fn default_fuel_floor() -> u64 {
    20_000_000
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            memory_mb: default_memory_mb(),
            output_kb: default_output_kb(),
            fuel_factor: default_fuel_factor(),
            fuel_floor: default_fuel_floor(),
            rust: None,
            go: None,
        }
    }
}

impl Limits {
    /// (factor, floor) for a language.
    pub fn fuel_rule(&self, lang: Language) -> (f64, u64) {
        let o = match lang {
            Language::Rust => self.rust.as_ref(),
            Language::Go => self.go.as_ref(),
        };
        (
            o.and_then(|o| o.fuel_factor).unwrap_or(self.fuel_factor),
            o.and_then(|o| o.fuel_floor).unwrap_or(self.fuel_floor),
        )
    }

    /// The fuel limit for a test whose reference cost is `reference`.
    pub fn fuel_limit(&self, lang: Language, reference: u64) -> u64 {
        let (factor, floor) = self.fuel_rule(lang);
        ((reference as f64 * factor) as u64).max(floor)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageSpec {
    /// What the learner implements, shown above the editor.
    pub signature: String,
    /// Initial editor contents; defaults to the signature with an empty body.
    #[serde(default)]
    pub starter: Option<String>,
}

/// A solution the tests judge with an expected overall verdict (e.g. a quadratic one must TLE).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedSolution {
    pub file: PathBuf,
    pub verdict: Verdict,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    id: String,
    title: String,
    difficulty: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    lesson: Option<String>,
    #[serde(default)]
    kind: Kind,
    #[serde(default)]
    checker: Checker,
    #[serde(default)]
    limits: Limits,
    samples: Vec<String>,
    #[serde(default)]
    rust: Option<LanguageSpec>,
    #[serde(default)]
    go: Option<LanguageSpec>,
    #[serde(default)]
    solutions: Vec<ExpectedSolution>,
}

/// One test case, loaded into memory (tests are small by contract).
#[derive(Debug, Clone)]
pub struct TestCase {
    /// File stem, e.g. "07"; tests run in name order.
    pub name: String,
    pub input: Vec<u8>,
    pub expected: Vec<u8>,
    /// Samples show expected vs actual; hidden tests show only their number.
    pub sample: bool,
}

#[derive(Debug, Clone)]
pub struct Problem {
    pub id: String,
    pub title: String,
    pub difficulty: String,
    pub tags: Vec<String>,
    pub lesson: Option<String>,
    pub kind: Kind,
    pub checker: Checker,
    pub limits: Limits,
    pub statement: String,
    pub languages: BTreeMap<Language, LanguageSpec>,
    /// Per-language driver source for function problems (`drivers/main.rs`, `drivers/main.go`).
    pub drivers: BTreeMap<Language, String>,
    pub tests: Vec<TestCase>,
    pub solutions: Vec<ExpectedSolution>,
    pub dir: PathBuf,
}

impl Problem {
    pub fn load(dir: &Path) -> Result<Problem> {
        let manifest_path = dir.join("problem.toml");
        let text = read_text(&manifest_path)?;
        let m: Manifest = toml::from_str(&text).map_err(|e| Error::problem(&manifest_path, e.to_string()))?;
        validate_id(&m.id).map_err(|r| Error::problem(&manifest_path, r))?;
        let statement = read_text(&dir.join("statement.md"))?;

        let mut languages = BTreeMap::new();
        if let Some(s) = m.rust {
            languages.insert(Language::Rust, s);
        }
        if let Some(s) = m.go {
            languages.insert(Language::Go, s);
        }
        if languages.is_empty() {
            return Err(Error::problem(&manifest_path, "declares no language ([rust] or [go])"));
        }
        let mut drivers = BTreeMap::new();
        if m.kind == Kind::Function {
            for lang in languages.keys() {
                let path = dir.join("drivers").join(format!("main.{}", lang.ext()));
                drivers.insert(*lang, read_text(&path)?);
            }
        }

        let tests = load_tests(&dir.join("tests"), &m.samples)?;
        for s in &m.samples {
            if !tests.iter().any(|t| &t.name == s) {
                return Err(Error::problem(&manifest_path, format!("sample {s:?} has no tests/{s}.in")));
            }
        }
        if m.limits.memory_mb == 0 || m.limits.memory_mb > 4096 {
            return Err(Error::problem(&manifest_path, "limits.memory_mb must be 1..=4096"));
        }
        Ok(Problem {
            id: m.id,
            title: m.title,
            difficulty: m.difficulty,
            tags: m.tags,
            lesson: m.lesson,
            kind: m.kind,
            checker: m.checker,
            limits: m.limits,
            statement,
            languages,
            drivers,
            tests,
            solutions: m.solutions,
            dir: dir.to_path_buf(),
        })
    }

    /// Loads every `*/problem.toml` beneath `root`, in directory order.
    pub fn load_all(root: &Path) -> Result<Vec<Problem>> {
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
            .map_err(|e| Error::io(format!("read {}", root.display()), e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.join("problem.toml").is_file())
            .collect();
        dirs.sort();
        dirs.iter().map(|d| Problem::load(d)).collect()
    }

    /// The reference solution's source for a language (`solutions/ref.<ext>`).
    pub fn reference_source(&self, lang: Language) -> Result<String> {
        read_text(&self.dir.join("solutions").join(format!("ref.{}", lang.ext())))
    }

    pub fn samples(&self) -> impl Iterator<Item = &TestCase> {
        self.tests.iter().filter(|t| t.sample)
    }
}

fn load_tests(dir: &Path, samples: &[String]) -> Result<Vec<TestCase>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(format!("read {}", dir.display()), e))?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let p = e.path();
            (p.extension()? == "in").then(|| p.file_stem()?.to_str().map(str::to_owned))?
        })
        .collect();
    names.sort();
    if names.is_empty() {
        return Err(Error::problem(dir, "no tests (*.in)"));
    }
    names
        .into_iter()
        .map(|name| {
            let input = read_bytes(&dir.join(format!("{name}.in")))?;
            let expected = read_bytes(&dir.join(format!("{name}.out")))?;
            let sample = samples.contains(&name);
            Ok(TestCase { name, input, expected, sample })
        })
        .collect()
}

fn validate_id(id: &str) -> Result<(), String> {
    let ok = !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok { Ok(()) } else { Err(format!("id {id:?} must be 1-64 of [a-z0-9-]")) }
}

fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| Error::problem(path, e.to_string()))
}

fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| Error::problem(path, e.to_string()))
}
