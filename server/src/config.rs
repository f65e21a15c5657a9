use std::net::SocketAddr;
use std::path::PathBuf;

/// Command-line flags, each with an environment-variable fallback and a default that works from
/// a fresh checkout.
#[derive(Debug, Clone, clap::Parser)]
#[command(name = "prep", about = "Serves the Prep course", version)]
pub struct Config {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, env = "PREP_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,

    /// SQLite database file; created, with its folder, if missing.
    #[arg(long, env = "PREP_DATABASE", default_value = "data/prep.db")]
    pub database: PathBuf,

    /// The content folder (lessons, problems, demos).
    #[arg(long, env = "PREP_CONTENT", default_value = "content")]
    pub content: PathBuf,

    /// The built site: `pkg/` with the browser bundle and stylesheet (made by `cargo xtask build`).
    #[arg(long, env = "PREP_SITE", default_value = "target/site")]
    pub site: PathBuf,

    /// Mark cookies Secure; set when the site is served over HTTPS.
    #[arg(long, env = "PREP_SECURE_COOKIES")]
    pub secure_cookies: bool,

    /// Judge workers (each judges one submission at a time); 0 turns submissions off.
    #[arg(long, env = "PREP_JUDGE_WORKERS", default_value_t = 1)]
    pub judge_workers: usize,

    /// The judge's own files: the compiled Go standard library and its scratch space.
    #[arg(long, env = "PREP_JUDGE_CACHE", default_value = "data/judge")]
    pub judge_cache: PathBuf,

    /// The Go toolchain the judge compiles with (installed by scripts/setup.sh).
    #[arg(long, env = "PREP_GO_ROOT", default_value = "tools/go")]
    pub go_root: PathBuf,
}

impl Config {
    /// Defaults for tests: a free port, everything else relative to the workspace root.
    pub fn for_tests(database: PathBuf) -> Self {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
        Config {
            addr: "127.0.0.1:0".parse().unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 0))),
            database,
            content: root.join("content"),
            site: root.join("target/site"),
            secure_cookies: false,
            // Most tests need no judge; those that do turn it on.
            judge_workers: 0,
            judge_cache: root.join("data/judge"),
            go_root: root.join("tools/go"),
        }
    }
}
