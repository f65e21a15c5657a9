//! `prep-demo`: the demo runner on a terminal.
//!
//! `prep-demo check [DIR…]` builds each demo (default: all of `content/demos/`) and runs it at
//! its minimum, default and maximum parameters, checking every line against its `demo.toml`.
//! `prep-demo run ID [name=value…]` runs one and prints its events as JSON lines.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use catalog::demo::{DemoSpec, demo_dirs};

use clap::{Parser, Subcommand};
use demos::check::{Extreme, check_run};
use demos::{DemoRunner, RunnerConfig, Toolchain};

#[derive(Parser)]
#[command(about = "Build, run and check Prep's demos")]
struct Cli {
    #[arg(long, default_value = "content/demos")]
    demos: PathBuf,
    #[arg(long, default_value = "tools/go")]
    go_root: PathBuf,
    #[arg(long, default_value = "data/demos")]
    cache: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check demos (folders under --demos, or the given ones) at min, default and max params.
    Check { dirs: Vec<PathBuf> },
    /// Run one demo and print its events.
    Run { id: String, params: Vec<String> },
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let absolute = |p: &PathBuf| std::path::absolute(p).unwrap_or_else(|_| p.clone());
    let cache = absolute(&cli.cache);
    if let Err(e) = std::fs::create_dir_all(&cache) {
        eprintln!("prep-demo: {}: {e}", cache.display());
        return ExitCode::FAILURE;
    }
    let toolchain = Toolchain { go_root: absolute(&cli.go_root), cache_dir: cache };
    // Each demo on its own: one broken demo.toml is reported and does not hide the others
    // (the server, by contrast, refuses to start).
    let dirs = match demo_dirs(&cli.demos) {
        Ok(dirs) => dirs,
        Err(e) => {
            eprintln!("prep-demo: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut demos = Vec::new();
    let mut broken = false;
    for dir in dirs {
        match DemoSpec::load(&dir) {
            Ok(spec) => demos.push((dir, Arc::new(spec))),
            Err(e) => {
                println!("✗ {e}");
                broken = true;
            }
        }
    }
    let runner = DemoRunner::new(demos, RunnerConfig { toolchain, slots: 1 });
    match cli.command {
        Command::Check { dirs } => {
            let checked = check(&runner, dirs).await;
            if broken { ExitCode::FAILURE } else { checked }
        }
        Command::Run { id, params } => run(&runner, &id, &params).await,
    }
}

async fn check(runner: &Arc<DemoRunner>, dirs: Vec<PathBuf>) -> ExitCode {
    let mut ids: Vec<String> = if dirs.is_empty() {
        runner.ids().map(|id| id.to_string()).collect()
    } else {
        dirs.iter().filter_map(|d| d.file_name().map(|n| n.to_string_lossy().into_owned())).collect()
    };
    ids.sort();
    let mut failed = 0;
    for id in &ids {
        if runner.spec(id).is_none() {
            println!("{id}: no such demo (or its demo.toml did not load)");
            failed += 1;
            continue;
        }
        if let Err(e) = runner.build(id).await {
            println!("{id}: {e}");
            failed += 1;
            continue;
        }
        for extreme in Extreme::ALL {
            let report = check_run(runner, id, extreme, "prep-demo").await;
            let charts: Vec<String> = report.samples_per_chart.iter().map(|(c, n)| format!("{c}={n}")).collect();
            let first = report.first_sample.map_or("-".into(), |d| format!("{} ms", d.as_millis()));
            println!(
                "{id} {extreme:?}: {:.2} s, first sample {first}, samples {}",
                report.elapsed.as_secs_f64(),
                charts.join(" ")
            );
            for problem in &report.problems {
                println!("  ✗ {problem}");
            }
            failed += usize::from(!report.problems.is_empty());
        }
    }
    if failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

async fn run(runner: &Arc<DemoRunner>, id: &str, params: &[String]) -> ExitCode {
    let raw: Vec<(String, String)> = params
        .iter()
        .map(|p| p.split_once('=').map_or((p.clone(), String::new()), |(k, v)| (k.into(), v.into())))
        .collect();
    let prediction = raw.iter().find(|(k, _)| k == "prediction").map(|(_, v)| v.clone());
    let mut run = match runner.start(id, "prep-demo", &raw, prediction.as_deref()) {
        Ok(run) => run,
        Err(e) => {
            eprintln!("prep-demo: {e}");
            return ExitCode::FAILURE;
        }
    };
    while let Some(event) = run.events.recv().await {
        println!("{} {}", event.name(), event.data());
    }
    ExitCode::SUCCESS
}
