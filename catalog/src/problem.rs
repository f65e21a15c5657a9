//! `content/problems/<id>/problem.toml`: the one parser of the format (described in
//! `content/problems/README.md`). The catalog reads it for the course's pages, the judge for
//! everything else; both get the same typed, validated manifest.

use std::path::{Path, PathBuf};

use domain::{Difficulty, Id, Language, Verdict};
use serde::Deserialize;

use crate::error::LoadError;

pub const MANIFEST_FILE: &str = "problem.toml";

/// Largest memory limit a problem may ask for.
pub const MAX_MEMORY_MB: u64 = 4096;

/// A scaling series needs this many sizes: fewer cannot tell a curve from a line (the fit uses
/// the differences between successive sizes, one fewer than the sizes).
pub const MIN_SCALING_SIZES: usize = 4;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProblemManifest {
    /// Equals the folder's name.
    pub id: Id,
    pub title: String,
    pub difficulty: Difficulty,
    #[serde(default)]
    pub tags: Vec<String>,
    /// The lesson the problem belongs to (checked against the course by the catalog).
    #[serde(default)]
    pub lesson: Option<Id>,
    #[serde(default)]
    pub kind: Kind,
    #[serde(default)]
    pub checker: Checker,
    #[serde(default)]
    pub limits: Limits,
    /// Names of the tests shown with input, expected and actual output.
    pub samples: Vec<String>,
    #[serde(default)]
    rust: Option<LanguageSpec>,
    #[serde(default)]
    go: Option<LanguageSpec>,
    /// Solutions judged by the tests, each with the verdict it must get.
    #[serde(default)]
    pub solutions: Vec<ExpectedSolution>,
    /// Optional: the series of input sizes the judge measures an accepted solution's growth on.
    #[serde(default)]
    pub scaling: Option<Scaling>,
}

/// `[scaling]`: input sizes and the script that writes one input of each size.
///
/// The generator is run as `python3 <generator> N` in the problem's folder and must print one
/// input of size N in the problem's input format, deterministically (fixed seed, stdlib only).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scaling {
    /// Strictly increasing, positive; at least [`MIN_SCALING_SIZES`]. Doubling sizes are usual.
    pub sizes: Vec<u64>,
    /// Relative to the problem's folder, e.g. `scaling.py`.
    pub generator: PathBuf,
}

impl Scaling {
    /// Why this series cannot be used, if it cannot; `dir` is the problem's folder.
    fn problem(&self, dir: &Path) -> Option<String> {
        if self.sizes.len() < MIN_SCALING_SIZES {
            return Some(format!(
                "scaling.sizes lists {} sizes, at least {MIN_SCALING_SIZES} are needed",
                self.sizes.len()
            ));
        }
        if self.sizes.contains(&0) {
            return Some("scaling.sizes must be positive".into());
        }
        if let Some(w) = self.sizes.windows(2).find(|w| w[0] >= w[1]) {
            return Some(format!("scaling.sizes must be strictly increasing ({} then {})", w[0], w[1]));
        }
        let g = &self.generator;
        if g.as_os_str().is_empty()
            || g.is_absolute()
            || g.components().any(|c| !matches!(c, std::path::Component::Normal(_)))
        {
            return Some(format!("scaling.generator `{}` must be a path inside the problem's folder", g.display()));
        }
        if !dir.join(g).is_file() {
            return Some(format!("scaling.generator `{}` does not exist", g.display()));
        }
        None
    }
}

/// Whether the learner writes one function (called by a per-problem driver) or a whole program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    #[default]
    Function,
    Program,
}

/// How a program's output is compared with the expected output.
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(tag = "kind", rename_all = "lowercase", deny_unknown_fields)]
pub enum Checker {
    /// Line by line, ignoring trailing whitespace on each line and trailing blank lines
    /// (what most judges call "exact": nobody should fail on a missing final newline).
    #[default]
    Exact,
    /// Whitespace-separated tokens must be equal.
    Tokens,
    /// Tokens; numeric tokens may differ by `abs` absolutely or `rel` relatively.
    Float {
        #[serde(default = "default_tolerance")]
        abs: f64,
        #[serde(default = "default_tolerance")]
        rel: f64,
    },
    /// The same lines in any order (trailing whitespace and blank lines ignored).
    Unordered,
}

fn default_tolerance() -> f64 {
    1e-6
}

/// What one test of this problem may use. Time is fuel: a count of wasm instructions.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Linear memory the program may grow to.
    pub memory_mb: u64,
    /// Captured stdout beyond this is OLE.
    pub output_kb: u64,
    /// A test's fuel limit is `fuel_factor ×` the reference solution's cost on it …
    pub fuel_factor: f64,
    /// … but never less than this (it covers runtime start-up on tiny tests).
    pub fuel_floor: u64,
    /// Per-language overrides of the two above (Go's runtime costs more to start).
    pub rust: Option<FuelOverride>,
    pub go: Option<FuelOverride>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { memory_mb: 256, output_kb: 1024, fuel_factor: 5.0, fuel_floor: 20_000_000, rust: None, go: None }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FuelOverride {
    pub fuel_factor: Option<f64>,
    pub fuel_floor: Option<u64>,
}

impl Limits {
    /// `(factor, floor)` for a language.
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
    /// Initial editor contents; defaults to the signature.
    #[serde(default)]
    pub starter: Option<String>,
}

impl LanguageSpec {
    pub fn starter(&self) -> &str {
        self.starter.as_deref().unwrap_or(&self.signature)
    }
}

/// A solution the tests judge with an expected overall verdict (e.g. a quadratic one must TLE).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedSolution {
    pub file: PathBuf,
    pub verdict: Verdict,
}

impl ProblemManifest {
    /// Reads and checks `<dir>/problem.toml`: the id must be the folder's name, at least one
    /// language must be offered, limits must be sane, samples must be listed.
    pub fn load(dir: &Path) -> Result<ProblemManifest, LoadError> {
        let path = dir.join(MANIFEST_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| LoadError::new(&path, e.to_string()))?;
        let manifest: ProblemManifest = toml::from_str(&text).map_err(|e| LoadError::new(&path, one_line(&e)))?;
        let fail = |reason: String| Err(LoadError::new(&path, reason));
        let folder = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if manifest.id.as_str() != folder {
            return fail(format!("id `{}` differs from its folder name `{folder}`", manifest.id));
        }
        if manifest.title.trim().is_empty() {
            return fail("title must not be empty".into());
        }
        if manifest.languages().next().is_none() {
            return fail("declares no language ([rust] or [go])".into());
        }
        if !(1..=MAX_MEMORY_MB).contains(&manifest.limits.memory_mb) {
            return fail(format!("limits.memory_mb must be 1..={MAX_MEMORY_MB}"));
        }
        if manifest.limits.output_kb == 0 || manifest.limits.fuel_factor.is_nan() || manifest.limits.fuel_factor < 1.0 {
            return fail("limits: output_kb must be positive and fuel_factor at least 1".into());
        }
        if manifest.samples.is_empty() {
            return fail("lists no samples".into());
        }
        if let Some(reason) = manifest.scaling.as_ref().and_then(|s| s.problem(dir)) {
            return fail(reason);
        }
        Ok(manifest)
    }

    /// The languages offered, with what the learner writes in each, in [`Language::ALL`] order.
    pub fn languages(&self) -> impl Iterator<Item = (Language, &LanguageSpec)> {
        Language::ALL.iter().filter_map(|&l| self.language(l).map(|spec| (l, spec)))
    }

    pub fn language(&self, lang: Language) -> Option<&LanguageSpec> {
        match lang {
            Language::Rust => self.rust.as_ref(),
            Language::Go => self.go.as_ref(),
        }
    }
}

/// toml's errors span several lines with a source excerpt; start-up errors read better as one.
pub(crate) fn one_line(e: &impl std::fmt::Display) -> String {
    e.to_string().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Problem folders beneath `root` that hold a manifest, in name order.
pub fn problem_dirs(root: &Path) -> Result<Vec<PathBuf>, LoadError> {
    if !root.is_dir() {
        return Ok(Vec::new());
    }
    let entries = std::fs::read_dir(root).map_err(|e| LoadError::new(root, e.to_string()))?;
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
        .filter(|p| p.join(MANIFEST_FILE).is_file())
        .collect();
    dirs.sort();
    Ok(dirs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(folder: &str, toml: &str) -> Result<ProblemManifest, LoadError> {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(folder);
        std::fs::create_dir_all(&p).unwrap();
        std::fs::write(p.join(MANIFEST_FILE), toml).unwrap();
        ProblemManifest::load(&p)
    }

    const GOOD: &str = "id = \"sum\"\ntitle = \"Sum\"\ndifficulty = \"easy\"\nsamples = [\"01\"]\n[go]\nsignature = \"func sum() int\"\n";

    #[test]
    fn a_good_manifest_is_typed() {
        let m = load("sum", GOOD).unwrap();
        assert_eq!(m.difficulty, Difficulty::Easy);
        assert_eq!(m.languages().map(|(l, _)| l).collect::<Vec<_>>(), [Language::Go]);
        assert_eq!(m.language(Language::Go).unwrap().starter(), "func sum() int");
        assert_eq!(m.checker, Checker::Exact);
        assert_eq!(m.limits.fuel_limit(Language::Go, 1), 20_000_000);
    }

    #[test]
    fn mistakes_name_the_file_and_the_field() {
        let cases = [
            ("sum", GOOD.replace("easy", "trivial"), "unknown difficulty"),
            ("sum", GOOD.replace("id = \"sum\"", "id = \"Sum\""), "lowercase"),
            ("other", GOOD.to_string(), "differs from its folder name"),
            ("sum", GOOD.replace("[go]\nsignature = \"func sum() int\"\n", ""), "declares no language"),
            ("sum", format!("{GOOD}[limits]\nmemory_mb = 0\n"), "memory_mb"),
            ("sum", format!("{GOOD}colour = 3\n"), "unknown field"),
            ("sum", GOOD.replace("difficulty = \"easy\"\n", ""), "missing field `difficulty`"),
        ];
        for (folder, toml, want) in cases {
            let e = load(folder, &toml).unwrap_err();
            assert!(e.path.ends_with(MANIFEST_FILE), "{e}");
            assert!(e.reason.contains(want), "{want}: {e}");
            assert!(!e.to_string().contains('\n'), "one line: {e}");
        }
    }

    fn with_scaling(table: &str) -> String {
        format!("{GOOD}[scaling]\n{table}\n")
    }

    /// Like [`load`], with a `scaling.py` next to the manifest.
    fn load_with_generator(toml: &str) -> Result<ProblemManifest, LoadError> {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sum");
        std::fs::create_dir_all(&p).unwrap();
        std::fs::write(p.join(MANIFEST_FILE), toml).unwrap();
        std::fs::write(p.join("scaling.py"), "print(1)\n").unwrap();
        ProblemManifest::load(&p)
    }

    #[test]
    fn a_scaling_series_is_typed() {
        let m = load_with_generator(&with_scaling("sizes = [10, 20, 40, 80]\ngenerator = \"scaling.py\"")).unwrap();
        let s = m.scaling.unwrap();
        assert_eq!(s.sizes, [10, 20, 40, 80]);
        assert_eq!(s.generator, Path::new("scaling.py"));
        assert!(load("sum", GOOD).unwrap().scaling.is_none());
    }

    #[test]
    fn bad_scaling_series_are_named() {
        let gen_ok = "generator = \"scaling.py\"";
        let cases = [
            (with_scaling(&format!("sizes = [10, 20, 40]\n{gen_ok}")), "at least 4"),
            (with_scaling(&format!("sizes = [0, 20, 40, 80]\n{gen_ok}")), "positive"),
            (with_scaling(&format!("sizes = [-1, 20, 40, 80]\n{gen_ok}")), "sizes"),
            (with_scaling(&format!("sizes = [10, 20, 20, 80]\n{gen_ok}")), "strictly increasing (20 then 20)"),
            (with_scaling(&format!("sizes = [10, 40, 20, 80]\n{gen_ok}")), "strictly increasing"),
            (with_scaling("sizes = [10, 20, 40, 80]\ngenerator = \"missing.py\""), "`missing.py` does not exist"),
            (with_scaling("sizes = [10, 20, 40, 80]\ngenerator = \"../scaling.py\""), "inside the problem's folder"),
            (with_scaling("sizes = [10, 20, 40, 80]\ngenerator = \"/etc/passwd\""), "inside the problem's folder"),
            (with_scaling("sizes = [10, 20, 40, 80]"), "missing field `generator`"),
            (with_scaling(&format!("sizes = [10, 20, 40, 80]\n{gen_ok}\nseed = 3")), "unknown field"),
        ];
        for (toml, want) in cases {
            let e = load_with_generator(&toml).unwrap_err();
            assert!(e.path.ends_with(MANIFEST_FILE), "{e}");
            assert!(e.reason.contains(want), "{want}: {e}");
            assert!(!e.to_string().contains('\n'), "one line: {e}");
        }
    }

    #[test]
    fn the_real_problems_parse() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/problems");
        let dirs = problem_dirs(&root).unwrap();
        assert!(dirs.len() >= 2);
        for d in dirs {
            ProblemManifest::load(&d).unwrap_or_else(|e| panic!("{e}"));
        }
    }
}
