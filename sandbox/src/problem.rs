//! A problem as the judge needs it: the manifest (parsed by the catalog's one `problem.toml`
//! parser), the drivers, and every test loaded into memory (tests are small by contract).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use catalog::problem::{ExpectedSolution, Kind, LanguageSpec, Limits, Scaling};
use catalog::problem::{ProblemManifest, problem_dirs};

use crate::checker::Checker;
use crate::error::{Error, Result};
use domain::{Difficulty, Language};

/// One test case.
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
    pub difficulty: Difficulty,
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
    /// The sizes (and generator) the judge measures growth on, if the problem declares them.
    pub scaling: Option<Scaling>,
    pub dir: PathBuf,
}

impl Problem {
    pub fn load(dir: &Path) -> Result<Problem> {
        let m = ProblemManifest::load(dir).map_err(|e| Error::problem(e.path, e.reason))?;
        let statement = read_text(&dir.join("statement.md"))?;
        let languages: BTreeMap<Language, LanguageSpec> = m.languages().map(|(l, s)| (l, s.clone())).collect();
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
                return Err(Error::problem(dir.join("problem.toml"), format!("sample {s:?} has no tests/{s}.in")));
            }
        }
        Ok(Problem {
            id: m.id.to_string(),
            title: m.title,
            difficulty: m.difficulty,
            tags: m.tags,
            lesson: m.lesson.map(|l| l.to_string()),
            kind: m.kind,
            checker: m.checker,
            limits: m.limits,
            statement,
            languages,
            drivers,
            tests,
            solutions: m.solutions,
            scaling: m.scaling,
            dir: dir.to_path_buf(),
        })
    }

    /// Loads every problem beneath `root`, in directory order.
    pub fn load_all(root: &Path) -> Result<Vec<Problem>> {
        let dirs = problem_dirs(root).map_err(|e| Error::problem(e.path, e.reason))?;
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

fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| Error::problem(path, e.to_string()))
}

fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| Error::problem(path, e.to_string()))
}
