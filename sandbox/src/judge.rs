//! The judge: source + problem → verdicts. Compile (cached by source hash), calibrate the fuel
//! limits from the reference solution (once per problem and language), run each test.

use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use sha2::{Digest, Sha256};

use crate::admission::admit;
use crate::checker::Check;
use crate::compile::{Compiled, GoToolchain, RustToolchain, Sources, Toolchains};
use crate::error::{Error, Result};
use crate::limits::{
    CALIBRATION_FUEL, HIDDEN_STDERR_CAP, JailLimits, RUN_THREAD_STACK, RunLimits, SAMPLE_IO_CAP, SAMPLE_STDERR_CAP,
    SCALING_FUEL_FACTOR, SCALING_FUEL_FLOOR, SCALING_FUEL_MAX, SCALING_OUTPUT_BYTES, wall_backstop,
};
use crate::problem::{Kind, Problem, TestCase};
use crate::run::{End, Prepared, RunOutcome, Runtime};
use crate::scaling::{self, ScalingInput};
use crate::verdict::{Report, SampleIo, TestResult, Timings, Verdict};

// Running a solution on the problem's scaling series: another `impl Judge`, in its own file.
mod custom;
mod series;
pub use custom::CustomOutcome;
use domain::{Language, ScalingPoint, ScalingReport};

#[derive(Debug, Clone)]
pub struct JudgeConfig {
    /// Go distribution (`tools/go`); `None` disables Go.
    pub go_root: Option<PathBuf>,
    /// Judge-owned persistent cache (the compiled Go standard library).
    pub cache_dir: PathBuf,
    /// Where per-compile temp dirs go.
    pub scratch_dir: PathBuf,
    pub compile_limits: JailLimits,
    /// Compiled modules kept by source hash (a learner often runs samples, then submits).
    pub module_cache_entries: usize,
    /// Stop at the first failing test, as LeetCode does.
    pub stop_on_first_failure: bool,
}

impl JudgeConfig {
    /// Defaults for a checkout of the repository at `root`: Go in `tools/go`, cache in `data/judge`.
    pub fn for_repo(root: &Path) -> JudgeConfig {
        let go_root = root.join("tools/go");
        JudgeConfig {
            go_root: go_root.join("bin/go").is_file().then_some(go_root),
            cache_dir: root.join("data/judge"),
            scratch_dir: std::env::temp_dir(),
            compile_limits: JailLimits::default(),
            module_cache_entries: 16,
            stop_on_first_failure: true,
        }
    }
}

/// Which tests to run: "Run" in the editor runs the samples, "Submit" runs everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tests {
    Samples,
    All,
}

#[derive(Debug, Clone)]
pub struct Submission {
    pub problem: Arc<Problem>,
    pub language: Language,
    pub source: String,
    pub tests: Tests,
}

/// A compile's outcome, cached by source hash.
enum Artifact {
    Ready(Prepared),
    CompileError(String),
}

/// A value computed once per key; the slot's lock is held while computing it, so concurrent
/// first users wait instead of repeating the work.
type Slot<T> = Arc<Mutex<Option<Arc<T>>>>;
/// Per problem and language, filled once: calibrations, reference scaling curves.
type PerLanguage<T> = Mutex<HashMap<(String, Language), Slot<T>>>;

pub struct Judge {
    runtime: Runtime,
    toolchains: Toolchains,
    config: JudgeConfig,
    modules: Mutex<ModuleCache>,
    calibrations: PerLanguage<Vec<u64>>,
    /// Each problem's scaling inputs, generated once.
    scaling_inputs: Mutex<HashMap<String, Slot<Vec<ScalingInput>>>>,
    /// The reference solution's curve on the scaling series, per problem and language.
    scaling_references: PerLanguage<Vec<ScalingPoint>>,
}

impl Judge {
    pub fn new(config: JudgeConfig) -> Result<Judge> {
        std::fs::create_dir_all(&config.cache_dir)
            .map_err(|e| Error::io(format!("create {}", config.cache_dir.display()), e))?;
        let runtime = Runtime::new()?;
        let rust = match RustToolchain::detect() {
            Ok(tc) => Some(tc),
            Err(e) => {
                tracing::warn!("Rust submissions disabled: {e}");
                None
            }
        };
        let go = match &config.go_root {
            Some(root) => Some(GoToolchain::prepare(root, &config.cache_dir)?),
            None => {
                tracing::warn!("Go submissions disabled: no Go toolchain configured");
                None
            }
        };
        let toolchains =
            Toolchains { rust, go, scratch: config.scratch_dir.clone(), limits: config.compile_limits.clone() };
        let modules = Mutex::new(ModuleCache::new(config.module_cache_entries));
        Ok(Judge {
            runtime,
            toolchains,
            config,
            modules,
            calibrations: Mutex::new(HashMap::new()),
            scaling_inputs: Mutex::new(HashMap::new()),
            scaling_references: Mutex::new(HashMap::new()),
        })
    }

    /// Which languages this judge can compile.
    pub fn languages(&self) -> Vec<Language> {
        let mut v = Vec::new();
        if self.toolchains.rust.is_some() {
            v.push(Language::Rust);
        }
        if self.toolchains.go.is_some() {
            v.push(Language::Go);
        }
        v
    }

    /// Judges a submission. `on_test` sees each test's result as it completes (for progress).
    /// `Err` means the judge failed (an IE) or the submission was cancelled.
    pub fn judge(
        &self,
        sub: &Submission,
        cancel: Option<&Arc<AtomicBool>>,
        on_test: &mut (dyn FnMut(&TestResult) + Send),
    ) -> Result<Report> {
        let problem = &sub.problem;
        let mut timings = Timings::default();
        let artifact = match self.artifact(problem, sub.language, &sub.source, cancel, &mut timings)? {
            Ok(a) => a,
            Err(message) => return Ok(compile_error(problem, message, timings)),
        };
        let Artifact::Ready(prepared) = artifact.as_ref() else {
            // Cached compile errors come back as `Err` above; this arm is unreachable in practice.
            return Ok(compile_error(problem, "compile error".into(), timings));
        };
        let reference = self.calibration(problem, sub.language, cancel)?;
        let tests: Vec<(usize, &TestCase)> =
            problem.tests.iter().enumerate().filter(|(_, t)| sub.tests == Tests::All || t.sample).collect();
        let limits: Vec<u64> =
            tests.iter().map(|(i, _)| problem.limits.fuel_limit(sub.language, reference[*i])).collect();
        let start = Instant::now();
        let results = self.run_tests(prepared, problem, &tests, &limits, cancel, on_test)?;
        timings.run = start.elapsed();
        let verdict = results.iter().map(|r| r.verdict).find(|v| *v != Verdict::AC).unwrap_or(Verdict::AC);
        Ok(Report { verdict, message: None, tests: results, total_tests: tests.len(), timings })
    }

    /// Fuel the reference solution needs on every test of `problem` in `lang`, computed once.
    pub fn calibration(
        &self,
        problem: &Problem,
        lang: Language,
        cancel: Option<&Arc<AtomicBool>>,
    ) -> Result<Arc<Vec<u64>>> {
        let slot = {
            let mut map = self.calibrations.lock().map_err(|_| poisoned())?;
            map.entry((problem.id.clone(), lang)).or_default().clone()
        };
        // Held while calibrating so concurrent first submissions wait instead of repeating it.
        let mut slot = slot.lock().map_err(|_| poisoned())?;
        if let Some(c) = slot.as_ref() {
            return Ok(c.clone());
        }
        let source = problem.reference_source(lang)?;
        let mut timings = Timings::default();
        let fail =
            |reason: String| Error::Reference { problem: problem.id.clone(), language: lang.to_string(), reason };
        let artifact = match self.artifact(problem, lang, &source, cancel, &mut timings)? {
            Ok(a) => a,
            Err(msg) => return Err(fail(format!("compile error:\n{msg}"))),
        };
        let Artifact::Ready(prepared) = artifact.as_ref() else {
            return Err(fail("compile error".into()));
        };
        let tests: Vec<(usize, &TestCase)> = problem.tests.iter().enumerate().collect();
        let limits = vec![CALIBRATION_FUEL; tests.len()];
        let results = self.run_tests(prepared, problem, &tests, &limits, cancel, &mut |_| {})?;
        let mut costs = Vec::with_capacity(results.len());
        for r in &results {
            if r.verdict != Verdict::AC {
                return Err(fail(format!(
                    "test {} ({}): {} {}",
                    r.number,
                    r.name,
                    r.verdict,
                    r.detail.clone().unwrap_or_default()
                )));
            }
            costs.push(r.instructions);
        }
        if costs.len() != problem.tests.len() {
            return Err(fail("not every test ran".into()));
        }
        let costs = Arc::new(costs);
        *slot = Some(costs.clone());
        Ok(costs)
    }

    /// [`Self::artifact`] for callers without timings: `Ok(Err(msg))` is a compile error.
    fn prepared(
        &self,
        problem: &Problem,
        lang: Language,
        source: &str,
        cancel: Option<&Arc<AtomicBool>>,
    ) -> Result<Result<Arc<Artifact>, String>> {
        self.artifact(problem, lang, source, cancel, &mut Timings::default())
    }

    /// Compiles (or finds in the cache) a submission. `Ok(Err(msg))` is a compile error.
    fn artifact(
        &self,
        problem: &Problem,
        lang: Language,
        source: &str,
        cancel: Option<&Arc<AtomicBool>>,
        timings: &mut Timings,
    ) -> Result<Result<Arc<Artifact>, String>> {
        if !problem.languages.contains_key(&lang) {
            return Ok(Err(format!("this problem cannot be solved in {lang}")));
        }
        let driver = match problem.kind {
            Kind::Function => problem.drivers.get(&lang).map(String::as_str),
            Kind::Program => None,
        };
        let key = cache_key(lang, driver, source);
        let cached = self.modules.lock().map_err(|_| poisoned())?.get(&key);
        let artifact = match cached {
            Some(a) => {
                timings.cached = true;
                a
            }
            None => {
                let a = Arc::new(self.build(lang, source, driver, cancel, timings)?);
                self.modules.lock().map_err(|_| poisoned())?.insert(key, a.clone());
                a
            }
        };
        match artifact.as_ref() {
            Artifact::CompileError(msg) => Ok(Err(msg.clone())),
            Artifact::Ready(_) => Ok(Ok(artifact)),
        }
    }

    fn build(
        &self,
        lang: Language,
        source: &str,
        driver: Option<&str>,
        cancel: Option<&Arc<AtomicBool>>,
        timings: &mut Timings,
    ) -> Result<Artifact> {
        let start = Instant::now();
        let compiled = self.toolchains.compile(lang, &Sources { solution: source, driver }, cancel)?;
        timings.source_compile = start.elapsed();
        let wasm = match compiled {
            Compiled::Wasm(w) => w,
            Compiled::Error(msg) => return Ok(Artifact::CompileError(msg)),
        };
        if let Err(refused) = admit(&wasm) {
            return Ok(Artifact::CompileError(refused));
        }
        let start = Instant::now();
        let module = self.runtime.compile(&wasm)?;
        timings.module_compile = start.elapsed();
        match self.runtime.prepare(&module)? {
            Ok(prepared) => Ok(Artifact::Ready(prepared)),
            Err(foreign) => Ok(Artifact::CompileError(format!(
                "the program imports functions the judge does not provide: {}",
                foreign.join(", ")
            ))),
        }
    }

    /// Runs tests in order on a thread with a stack big enough for `MAX_WASM_STACK`.
    fn run_tests(
        &self,
        prepared: &Prepared,
        problem: &Problem,
        tests: &[(usize, &TestCase)],
        fuel_limits: &[u64],
        cancel: Option<&Arc<AtomicBool>>,
        on_test: &mut (dyn FnMut(&TestResult) + Send),
    ) -> Result<Vec<TestResult>> {
        let stop_early = self.config.stop_on_first_failure;
        on_run_thread(|| {
            let mut results = Vec::with_capacity(tests.len());
            for ((index, test), &fuel) in tests.iter().zip(fuel_limits) {
                let limits = test_limits(problem, fuel);
                let stdin: Arc<[u8]> = Arc::from(test.input.as_slice());
                let outcome = prepared.run(stdin, &limits, cancel.cloned())?;
                if outcome.end == End::Cancelled {
                    return Err(Error::Cancelled);
                }
                let result = test_result(problem, *index, test, fuel, outcome);
                on_test(&result);
                let failed = result.verdict != Verdict::AC;
                results.push(result);
                if failed && stop_early {
                    break;
                }
            }
            Ok(results)
        })
    }
}

/// Where a scaling series stopped early, and why.
struct Stop {
    n: u64,
    end: End,
    /// The first line of the program's stderr (a panic message), capped.
    stderr: String,
}

/// The limits of one run of `problem`'s program with `fuel` instructions: its memory and
/// output caps, and the wall-clock backstop for that much fuel.
fn test_limits(problem: &Problem, fuel: u64) -> RunLimits {
    RunLimits {
        fuel,
        memory_bytes: problem.limits.memory_mb << 20,
        output_bytes: (problem.limits.output_kb << 10) as usize,
        wall: wall_backstop(fuel),
    }
}

/// Runs `work` on a thread with a stack big enough for `MAX_WASM_STACK`.
fn on_run_thread<T: Send>(work: impl FnOnce() -> Result<T> + Send) -> Result<T> {
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("judge-run".into())
            .stack_size(RUN_THREAD_STACK)
            .spawn_scoped(scope, work)
            .map_err(|e| Error::io("spawn judge-run thread", e))?;
        worker.join().map_err(|_| Error::Sandbox("a judge-run thread panicked".into()))?
    })
}

/// The value in `map` under `key`, computed by `make` the first time (an error is not kept: the
/// next caller tries again).
fn once<K: std::hash::Hash + Eq, T>(
    map: &Mutex<HashMap<K, Slot<T>>>,
    key: K,
    make: impl FnOnce() -> Result<T>,
) -> Result<Arc<T>> {
    let slot = map.lock().map_err(|_| poisoned())?.entry(key).or_default().clone();
    let mut slot = slot.lock().map_err(|_| poisoned())?;
    if let Some(v) = slot.as_ref() {
        return Ok(v.clone());
    }
    let v = Arc::new(make()?);
    *slot = Some(v.clone());
    Ok(v)
}

fn test_result(problem: &Problem, index: usize, test: &TestCase, fuel: u64, out: RunOutcome) -> TestResult {
    let stderr_excerpt = |sample: bool| -> Option<String> {
        let text = String::from_utf8_lossy(&out.stderr);
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        Some(if sample {
            cap(text, SAMPLE_STDERR_CAP)
        } else {
            cap(text.lines().find(|l| !l.trim().is_empty()).unwrap_or(""), HIDDEN_STDERR_CAP)
        })
    };
    let with_stderr = |what: String| -> String {
        match stderr_excerpt(test.sample) {
            Some(s) => format!("{what}\n{s}"),
            None => what,
        }
    };
    let (verdict, detail) = match &out.end {
        End::Success => {
            if problem.checker.accepts(&test.expected, &out.stdout) {
                (Verdict::AC, None)
            } else {
                (Verdict::WA, None)
            }
        }
        End::Exit(code) => (Verdict::RE, Some(with_stderr(format!("exit code {code}")))),
        End::OutOfFuel => (Verdict::TLE, Some(format!("used more than {fuel} instructions"))),
        End::WallClock => (Verdict::TLE, Some("stopped by the wall-clock backstop".into())),
        End::OutputLimit => (Verdict::OLE, Some(format!("wrote more than {} KiB to stdout", problem.limits.output_kb))),
        End::MemoryLimit => (Verdict::MLE, Some(format!("tried to use more than {} MiB", problem.limits.memory_mb))),
        End::Trap(what) => (Verdict::RE, Some(with_stderr(what.clone()))),
        End::Cancelled => (Verdict::IE, None),
    };
    let instructions = if verdict == Verdict::TLE { fuel } else { out.fuel_used };
    let sample_io = test.sample.then(|| SampleIo {
        input: cap(&String::from_utf8_lossy(&test.input), SAMPLE_IO_CAP),
        expected: cap(&String::from_utf8_lossy(&test.expected), SAMPLE_IO_CAP),
        actual: cap(&String::from_utf8_lossy(&out.stdout), SAMPLE_IO_CAP),
    });
    TestResult {
        number: index + 1,
        name: test.name.clone(),
        sample: test.sample,
        verdict,
        instructions,
        instruction_limit: fuel,
        peak_memory: out.peak_memory,
        detail,
        sample_io,
        wall: out.wall,
    }
}

fn compile_error(problem: &Problem, message: String, timings: Timings) -> Report {
    Report {
        verdict: Verdict::CE,
        message: Some(message),
        tests: Vec::new(),
        total_tests: problem.tests.len(),
        timings,
    }
}

fn cap(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_owned();
    }
    let mut cut = max;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}…", &s[..cut])
}

fn cache_key(lang: Language, driver: Option<&str>, source: &str) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(lang.as_str().as_bytes());
    h.update([0]);
    h.update(driver.unwrap_or("").as_bytes());
    h.update([0]);
    h.update(source.as_bytes());
    h.finalize().into()
}

fn poisoned() -> Error {
    Error::Sandbox("a judge lock was poisoned by a panic".into())
}

/// A small FIFO cache of compiled modules (compiled Go modules are ~10 MB of machine code each,
/// so this stays small).
struct ModuleCache {
    cap: usize,
    order: VecDeque<[u8; 32]>,
    map: HashMap<[u8; 32], Arc<Artifact>>,
}

impl ModuleCache {
    fn new(cap: usize) -> Self {
        ModuleCache { cap, order: VecDeque::new(), map: HashMap::new() }
    }

    fn get(&self, key: &[u8; 32]) -> Option<Arc<Artifact>> {
        self.map.get(key).cloned()
    }

    fn insert(&mut self, key: [u8; 32], value: Arc<Artifact>) {
        if self.cap == 0 || self.map.contains_key(&key) {
            return;
        }
        while self.order.len() >= self.cap {
            if let Some(old) = self.order.pop_front() {
                self.map.remove(&old);
            }
        }
        self.order.push_back(key);
        self.map.insert(key, value);
    }
}
