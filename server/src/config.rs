//! Command-line flags, each with an environment-variable fallback and a default that works from
//! a fresh checkout. `prep` alone serves (as `prep serve`); `prep worker` only judges.

use std::net::SocketAddr;
use std::path::PathBuf;

use store::DatabaseUrl;

#[derive(Debug, clap::Parser)]
#[command(name = "prep", about = "Serves the Prep course", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub serve: ServeConfig,
}

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Serve the site (the default), with judge workers in this process unless told otherwise.
    Serve(ServeConfig),
    /// Judge submissions from a shared Postgres database, without serving pages: run these on
    /// as many machines as the queue needs.
    Worker(WorkerConfig),
}

impl Cli {
    pub fn command(self) -> Command {
        self.command.unwrap_or(Command::Serve(self.serve))
    }
}

#[derive(Debug, Clone, clap::Args)]
pub struct ServeConfig {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, env = "PREP_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,

    #[command(flatten)]
    pub database: DatabaseArg,

    /// The content folder (lessons, problems, demos).
    #[arg(long, env = "PREP_CONTENT", default_value = "content")]
    pub content: PathBuf,

    /// The built site: `pkg/` with the browser bundle and stylesheet (made by `cargo xtask site`).
    #[arg(long, env = "PREP_SITE", default_value = "target/site")]
    pub site: PathBuf,

    /// Mark cookies Secure; set when the site is served over HTTPS.
    #[arg(long, env = "PREP_SECURE_COOKIES")]
    pub secure_cookies: bool,

    /// Take the client's address from the last `X-Forwarded-For` entry (set when a reverse
    /// proxy in front appends it); otherwise the header is ignored. Login throttling and the
    /// judge's per-address limits key on this address.
    #[arg(long, env = "PREP_TRUST_PROXY")]
    pub trust_proxy: bool,

    /// Judge workers in this process (each judges one submission at a time). With 0 and no
    /// --external-workers, submissions are turned off.
    #[arg(long, env = "PREP_JUDGE_WORKERS", default_value_t = 1)]
    pub judge_workers: usize,

    /// Accept submissions even with no judge workers here: `prep worker` processes judge them
    /// (Postgres only; on SQLite every worker lives in the web process).
    #[arg(long, env = "PREP_EXTERNAL_WORKERS")]
    pub external_workers: bool,

    #[command(flatten)]
    pub judge: JudgeOptions,

    #[command(flatten)]
    pub demos: DemoOptions,
}

/// The demo runner: where built demos live and how many run at once.
#[derive(Debug, Clone, clap::Args)]
pub struct DemoOptions {
    /// Built demo binaries, their Go build cache and the runs' working directories.
    #[arg(long, env = "PREP_DEMO_CACHE", default_value = "data/demos")]
    pub demo_cache: PathBuf,

    /// Demos running at once (the rest wait in line); default: one per core.
    #[arg(long, env = "PREP_DEMO_SLOTS", value_parser = clap::value_parser!(u32).range(1..=64))]
    pub demo_slots: Option<u32>,
}

impl DemoOptions {
    pub fn slots(&self) -> usize {
        self.demo_slots.map_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()), |n| n as usize)
    }
}

#[derive(Debug, Clone, clap::Args)]
pub struct WorkerConfig {
    #[command(flatten)]
    pub database: DatabaseArg,

    /// Submissions judged at once by this process.
    #[arg(long, env = "PREP_WORKERS", default_value_t = 1)]
    pub workers: usize,

    /// The content folder: the worker reads `problems/` from it.
    #[arg(long, env = "PREP_CONTENT", default_value = "content")]
    pub content: PathBuf,

    #[command(flatten)]
    pub judge: JudgeOptions,
}

#[derive(Debug, Clone, clap::Args)]
pub struct DatabaseArg {
    /// A SQLite file (created, with its folder, if missing) or a postgres:// URL.
    #[arg(long = "database", env = "PREP_DATABASE", default_value = "data/prep.db")]
    pub url: DatabaseUrl,
}

/// What a judge worker needs, in the web process or a worker process alike.
#[derive(Debug, Clone, clap::Args)]
pub struct JudgeOptions {
    /// The judge's own files: the compiled Go standard library and its scratch space.
    #[arg(long, env = "PREP_JUDGE_CACHE", default_value = "data/judge")]
    pub judge_cache: PathBuf,

    /// The Go toolchain the judge compiles with (installed by scripts/setup.sh).
    #[arg(long, env = "PREP_GO_ROOT", default_value = "tools/go")]
    pub go_root: PathBuf,

    /// How long a worker's claim on a submission lasts without a heartbeat; a submission whose
    /// worker died is judged again after this.
    #[arg(long, env = "PREP_LEASE_SECONDS", default_value_t = 15, value_parser = clap::value_parser!(u32).range(2..=3600))]
    pub lease_seconds: u32,
}

impl ServeConfig {
    /// Defaults for tests: a free port, a SQLite file, everything else relative to the
    /// workspace root.
    pub fn for_tests(database: impl Into<DatabaseUrl>) -> Self {
        let root = workspace_root();
        ServeConfig {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            database: DatabaseArg { url: database.into() },
            content: root.join("content"),
            site: root.join("target/site"),
            secure_cookies: false,
            trust_proxy: false,
            // Most tests need no judge; those that do turn it on.
            judge_workers: 0,
            external_workers: false,
            judge: JudgeOptions::for_tests(),
            // One cache with the demos crate's tests: a cold Go cache costs a minute.
            demos: DemoOptions { demo_cache: root.join("target/demo-test-cache"), demo_slots: None },
        }
    }
}

impl JudgeOptions {
    pub fn for_tests() -> Self {
        let root = workspace_root();
        JudgeOptions { judge_cache: root.join("data/judge"), go_root: root.join("tools/go"), lease_seconds: 15 }
    }
}

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}
