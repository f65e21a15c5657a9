//! The demo runner: `content/demos/<id>/` programs built natively once and run on request.
//!
//! [`DemoRunner::start`] checks the parameters against `demo.toml`, takes the learner's place
//! in the queue ([`slots`]), and runs the program confined ([`jail`]) as a child process whose
//! stdout JSON lines ([`protocol`]) and scheduler trace ([`schedtrace`]) become
//! [`DemoEvent`]s. The caller (the server, or `prep-demo` on a terminal) forwards them; when it
//! drops the receiver or calls [`DemoRunner::stop`], the process group is killed.

mod build;
pub mod check;
mod error;
mod event;
pub mod limits;
pub mod protocol;
mod run;
pub mod schedtrace;
mod slots;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use catalog::LoadError;
use catalog::demo::{DemoSpec, demo_dirs};
use domain::Id;
use tokio::sync::{Notify, mpsc};

pub use build::{Built, Toolchain};
pub use error::{BuildError, RunStatus, StartError};
pub use event::DemoEvent;
pub use slots::Slots;

/// How the runner is set up.
#[derive(Debug, Clone)]
pub struct RunnerConfig {
    pub toolchain: Toolchain,
    /// Demos running at once; the rest wait in line.
    pub slots: usize,
}

/// A run the caller is watching.
pub struct DemoRun {
    pub id: String,
    pub events: mpsc::Receiver<DemoEvent>,
    /// The child's process group once it runs (0 before): lets tests look for survivors.
    pub process_group: Arc<AtomicU32>,
}

struct Active {
    owner: String,
    stop: Arc<Notify>,
}

pub struct DemoRunner {
    specs: HashMap<Id, Arc<DemoSpec>>,
    builds: build::Builds,
    slots: Arc<Slots>,
    jail: jail::Jail,
    cores: usize,
    next_run: AtomicU64,
    active: Mutex<HashMap<String, Active>>,
}

impl DemoRunner {
    /// Reads every `demo.toml` under `demos_dir` (a broken one is an error, as at start-up).
    pub fn load(demos_dir: &Path, config: RunnerConfig) -> Result<Arc<DemoRunner>, LoadError> {
        let mut demos = Vec::new();
        for dir in demo_dirs(demos_dir)? {
            let spec = DemoSpec::load(&dir)?;
            demos.push((dir, Arc::new(spec)));
        }
        Ok(Self::new(demos, config))
    }

    pub fn new(demos: Vec<(PathBuf, Arc<DemoSpec>)>, config: RunnerConfig) -> Arc<DemoRunner> {
        let specs = demos.iter().map(|(_, s)| (s.id.clone(), s.clone())).collect();
        let bin_dir = config.toolchain.bin_dir();
        // Demos execute only their own binaries; their own /proc entry lets them report their
        // threads, I/O and memory, /proc/meminfo the machine's — and nothing else of /proc (not
        // the server's environment).
        let jail = jail::Jail::new(std::slice::from_ref(&bin_dir)).with_own_proc().also_readable_file("/proc/meminfo");
        Arc::new(DemoRunner {
            specs,
            builds: build::Builds::new(config.toolchain, demos),
            slots: Slots::new(config.slots),
            jail,
            cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
            next_run: AtomicU64::new(1),
            active: Mutex::default(),
        })
    }

    pub fn spec(&self, id: &str) -> Option<&Arc<DemoSpec>> {
        self.specs.get(id)
    }

    pub fn ids(&self) -> impl Iterator<Item = &Id> {
        self.specs.keys()
    }

    pub fn slots(&self) -> &Arc<Slots> {
        &self.slots
    }

    /// Builds every demo in the background, so the first Run does not wait for a compiler.
    pub fn build_in_background(self: &Arc<Self>) {
        let runner = self.clone();
        tokio::spawn(async move { runner.builds.build_all().await });
    }

    /// Builds one demo now (for `prep-demo check` and tests).
    pub async fn build(&self, id: &str) -> Result<Arc<Built>, BuildError> {
        self.builds.get(id).await
    }

    /// Starts a run of `id` for `owner` with the learner's raw parameters (name, value) and
    /// optional prediction. Refuses at once (nothing queued) on bad parameters, or when the
    /// learner already has a demo or the queue is full.
    pub fn start(
        self: &Arc<Self>,
        id: &str,
        owner: &str,
        raw: &[(String, String)],
        prediction: Option<&str>,
    ) -> Result<DemoRun, StartError> {
        let spec = self.specs.get(id).ok_or_else(|| StartError::UnknownDemo(id.to_string()))?.clone();
        let args = checked_args(&spec, raw)?;
        let prediction = match (&spec.prediction, prediction) {
            (Some(p), Some(raw)) => p.parse(raw).map_err(StartError::BadParams)?,
            _ => None,
        };
        let mut ticket = self.slots.join(owner)?;
        let run_id = format!("r{}", self.next_run.fetch_add(1, Ordering::Relaxed));
        let stop = Arc::new(Notify::new());
        self.active_runs().insert(run_id.clone(), Active { owner: owner.to_string(), stop: stop.clone() });
        let (tx, rx) = mpsc::channel(256);
        let process_group = Arc::new(AtomicU32::new(0));
        let setup = run::RunSetup {
            spec,
            args,
            prediction,
            jail: self.jail.clone(),
            work_root: self.builds.toolchain().cache_dir.clone(),
            cores: self.cores,
            pgid: process_group.clone(),
        };
        let runner = self.clone();
        let run = run_id.clone();
        tokio::spawn(async move {
            let queued = tx.clone();
            tokio::select! {
                _ = ticket.wait_for_slot(|position| { let _ = queued.try_send(DemoEvent::Queued { position }); }) => {
                    runner.run_in_slot(&run, setup, &tx, &stop).await;
                }
                _ = tx.closed() => {}
                _ = stop.notified() => {
                    let _ = tx.send(DemoEvent::Finished { status: RunStatus::Stopped, elapsed_ms: 0, samples: 0, rejected: 0, message: None }).await;
                }
            }
            drop(ticket);
            runner.active_runs().remove(&run);
        });
        Ok(DemoRun { id: run_id, events: rx, process_group })
    }

    async fn run_in_slot(&self, run: &str, setup: run::RunSetup, tx: &mpsc::Sender<DemoEvent>, stop: &Notify) {
        let id = setup.spec.id.clone();
        if !self.builds.is_built(id.as_str()) {
            let text = "Compiling the demo first (once after each server start-up or change)…".to_string();
            let _ = tx.send(DemoEvent::Note { text }).await;
        }
        let built = match self.builds.get(id.as_str()).await {
            Ok(built) => built,
            Err(e) => {
                tracing::error!("demo build failed: {e}");
                let _ = tx
                    .send(DemoEvent::Error {
                        message: "This demo could not be built on the server; it has been logged.".into(),
                    })
                    .await;
                return;
            }
        };
        let build_output = setup.spec.show_build_output.then(|| built.output.clone());
        let started = DemoEvent::Started { run: run.to_string(), cores: self.cores, build_output };
        if tx.send(started).await.is_err() {
            return;
        }
        let status = run::execute(&built, setup, tx, stop).await;
        tracing::info!(demo = %id, run, ?status, "demo run ended");
    }

    /// Stops `run` if `owner` started it; false when there is no such run of theirs.
    pub fn stop(&self, run: &str, owner: &str) -> bool {
        match self.active_runs().get(run) {
            Some(active) if active.owner == owner => {
                active.stop.notify_one();
                true
            }
            _ => false,
        }
    }

    fn active_runs(&self) -> std::sync::MutexGuard<'_, HashMap<String, Active>> {
        self.active.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The program's flags: every declared parameter, the learner's value or the default.
fn checked_args(spec: &DemoSpec, raw: &[(String, String)]) -> Result<Vec<String>, StartError> {
    for (name, _) in raw {
        if name != "prediction" && !spec.params.iter().any(|p| &p.name == name) {
            return Err(StartError::BadParams(format!("“{name}” is not a parameter of this demo")));
        }
    }
    let mut args = Vec::with_capacity(spec.params.len());
    for param in &spec.params {
        let given = raw.iter().rev().find(|(n, _)| n == &param.name).map(|(_, v)| v.as_str());
        let value = match given {
            Some(v) if !v.trim().is_empty() => {
                param.parse(v).map_err(|e| StartError::BadParams(format!("{} {e}", param.label)))?
            }
            _ => param.default_text(),
        };
        args.push(format!("-{}={value}", param.name));
    }
    Ok(args)
}
