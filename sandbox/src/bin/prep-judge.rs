//! prep-judge: judge a solution file against a problem directory and print a per-test table.
//! Exit status: 0 accepted, 1 not accepted, 2 the judge itself failed.
//!
//!   prep-judge content/problems/lcs my_lcs.go
//!   prep-judge content/problems/lcs solutions/slow.rs --samples
//!   prep-judge --calibrate content/problems/lcs
//!   prep-judge --scaling content/problems/lcs my_lcs.go   # growth on the [scaling] series

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;
use sandbox::{Judge, JudgeConfig, Language, Problem, ScalingPoint, ScalingReport, Submission, Tests, Verdict};

#[derive(Parser)]
#[command(about = "Judge a Rust or Go solution against a Prep problem")]
struct Args {
    /// The problem directory (content/problems/<id>).
    problem: PathBuf,
    /// The solution file (.rs or .go); omit with --calibrate.
    solution: Option<PathBuf>,
    /// Language, if the file extension does not say.
    #[arg(long)]
    lang: Option<Language>,
    /// Run only the sample tests.
    #[arg(long)]
    samples: bool,
    /// Print the report as JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// Print the reference solutions' instruction counts and the resulting limits.
    #[arg(long)]
    calibrate: bool,
    /// Measure how the solution's instructions grow on the problem's [scaling] series, next to
    /// the reference's, and print the table and the fitted growth.
    #[arg(long, conflicts_with_all = ["calibrate", "samples"])]
    scaling: bool,
    /// Repository root (for tools/go and data/judge).
    #[arg(long, env = "PREP_ROOT", default_value = ".")]
    root: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("prep-judge: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> Result<bool, sandbox::Error> {
    let problem = Arc::new(Problem::load(&args.problem)?);
    let judge = Judge::new(JudgeConfig::for_repo(&args.root))?;
    if args.calibrate {
        for lang in judge.languages() {
            if !problem.languages.contains_key(&lang) {
                continue;
            }
            let costs = judge.calibration(&problem, lang, None)?;
            println!("{lang}:");
            for (t, c) in problem.tests.iter().zip(costs.iter()) {
                let limit = problem.limits.fuel_limit(lang, *c);
                println!("  test {:>4}  reference {:>14}  limit {:>14}", t.name, c, limit);
            }
        }
        return Ok(true);
    }
    let Some(path) = &args.solution else {
        return Err(sandbox::Error::Toolchain("give a solution file (or --calibrate)".into()));
    };
    let language = match args.lang.or_else(|| Language::from_path(path)) {
        Some(l) => l,
        None => return Err(sandbox::Error::Toolchain("cannot tell the language; use --lang".into())),
    };
    let source = std::fs::read_to_string(path)
        .map_err(|e| sandbox::Error::Toolchain(format!("read {}: {e}", path.display())))?;
    let tests = if args.samples { Tests::Samples } else { Tests::All };
    let sub = Submission { problem: problem.clone(), language, source, tests };
    if args.scaling {
        let report = judge.scaling(&sub, None)?;
        if args.json {
            println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
        } else {
            print_scaling(&report);
        }
        return Ok(!report.truncated);
    }
    let report = judge.judge(&sub, None, &mut |_| {})?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
        return Ok(report.accepted());
    }
    if let Some(msg) = &report.message {
        println!("{msg}");
    }
    println!(
        "{:>4}  {:<6} {:<4} {:>14} {:>14} {:>10} {:>9}",
        "#", "test", "", "instructions", "limit", "memory", "wall"
    );
    for t in &report.tests {
        println!(
            "{:>4}  {:<6} {:<4} {:>14} {:>14} {:>8}KB {:>7.1}ms{}",
            t.number,
            t.name,
            t.verdict.to_string(),
            t.instructions,
            t.instruction_limit,
            t.peak_memory / 1024,
            t.wall.as_secs_f64() * 1e3,
            t.detail.as_deref().map(|d| format!("  {}", d.replace('\n', " | "))).unwrap_or_default()
        );
        if let (Some(io), Verdict::WA) = (&t.sample_io, t.verdict) {
            println!("        expected: {}\n        actual:   {}", io.expected.trim(), io.actual.trim());
        }
    }
    let tm = &report.timings;
    println!(
        "{} — {} ({}/{} tests run; source compile {:.0} ms, module compile {:.0} ms, run {:.0} ms{})",
        report.verdict,
        report.verdict.description(),
        report.tests.len(),
        report.total_tests,
        tm.source_compile.as_secs_f64() * 1e3,
        tm.module_compile.as_secs_f64() * 1e3,
        tm.run.as_secs_f64() * 1e3,
        if tm.cached { ", cached" } else { "" }
    );
    Ok(report.accepted())
}

fn print_scaling(r: &ScalingReport) {
    println!("{:>10} {:>16} {:>16} {:>8}", "n", "instructions", "reference", "ratio");
    let count = r.points.len().max(r.reference.len());
    let cell = |p: Option<&ScalingPoint>| p.map_or("—".to_string(), |p| p.instructions.to_string());
    for i in 0..count {
        let (mine, reference) = (r.points.get(i), r.reference.get(i));
        let n = mine.or(reference).map_or(0, |p| p.n);
        let ratio = match (mine, reference) {
            (Some(a), Some(b)) if b.instructions > 0 => {
                format!("{:.2}×", a.instructions as f64 / b.instructions as f64)
            }
            _ => String::new(),
        };
        println!("{n:>10} {:>16} {:>16} {ratio:>8}", cell(mine), cell(reference));
    }
    println!("solution:  exponent {:.2}  {} ({})", r.exponent, r.growth.label(), r.growth);
    println!(
        "reference: exponent {:.2}  {} ({})",
        r.reference_exponent,
        r.reference_growth.label(),
        r.reference_growth
    );
    if let Some(note) = &r.note {
        println!("truncated: {note}");
    }
}
