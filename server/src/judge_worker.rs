//! Judge workers: claim queued submissions from SQLite, run them through the sandbox, store the
//! result and publish progress. The database is the queue, so a crash loses nothing: rows left
//! `running` are queued again at start.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use app::api::{ProgressEvent, SubmissionResult, TestRow};
use app::server::AppState;
use sandbox::{Judge, JudgeConfig, Language, Problem, Report, Submission, Tests};
use sqlx::SqlitePool;

use crate::config::Config;

/// How long an idle worker sleeps before looking at the queue again without being woken.
const IDLE_POLL: Duration = Duration::from_secs(2);

struct Job {
    id: i64,
    problem_id: String,
    language: String,
    source: String,
    samples_only: bool,
}

/// Starts the judge in the background: preparing it (compiling Go's standard library the first
/// time) can take a minute, and the site must not wait for that.
pub fn start(state: AppState, config: &Config) {
    let workers = config.judge_workers;
    let judge_config = JudgeConfig {
        go_root: config.go_root.join("bin/go").is_file().then(|| config.go_root.clone()),
        cache_dir: config.judge_cache.clone(),
        ..JudgeConfig::for_repo(std::path::Path::new("."))
    };
    let problems_dir = config.content.join("problems");
    tokio::spawn(async move {
        match requeue_interrupted(&state.pool).await {
            Ok(0) => {}
            Ok(n) => tracing::warn!(count = n, "re-queued submissions interrupted by the last shutdown"),
            Err(e) => tracing::error!(error = %e, "could not re-queue interrupted submissions"),
        }
        let judge = match tokio::task::spawn_blocking(move || Judge::new(judge_config)).await {
            Ok(Ok(judge)) => Arc::new(judge),
            Ok(Err(e)) => return tracing::error!(error = %e, "the judge could not start; submissions stay queued"),
            Err(e) => return tracing::error!(error = %e, "the judge's start-up task failed"),
        };
        let mut problems = HashMap::new();
        for id in state.catalog.problems.keys() {
            match Problem::load(&problems_dir.join(id)) {
                Ok(p) => {
                    problems.insert(id.clone(), Arc::new(p));
                }
                Err(e) => tracing::error!(problem = %id, error = %e, "problem cannot be judged"),
            }
        }
        let problems = Arc::new(problems);
        tracing::info!(workers, languages = ?judge.languages(), "judge ready");
        for _ in 0..workers {
            tokio::spawn(work(state.clone(), judge.clone(), problems.clone()));
        }
    });
}

async fn requeue_interrupted(pool: &SqlitePool) -> Result<u64, sqlx::Error> {
    let r = sqlx::query("UPDATE submissions SET status = 'queued' WHERE status = 'running'").execute(pool).await?;
    Ok(r.rows_affected())
}

async fn claim(pool: &SqlitePool) -> Result<Option<Job>, sqlx::Error> {
    let row: Option<(i64, String, String, String, bool)> = sqlx::query_as(
        "UPDATE submissions SET status = 'running'
         WHERE id = (SELECT id FROM submissions WHERE status = 'queued' ORDER BY id LIMIT 1)
         RETURNING id, problem_id, language, source, samples_only",
    )
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|(id, problem_id, language, source, samples_only)| Job {
        id,
        problem_id,
        language,
        source,
        samples_only,
    }))
}

async fn work(state: AppState, judge: Arc<Judge>, problems: Arc<HashMap<String, Arc<Problem>>>) {
    loop {
        match claim(&state.pool).await {
            Ok(Some(job)) => {
                let id = job.id;
                let result = run(&state, &judge, &problems, job).await;
                if let Err(e) = finish(&state.pool, id, &result).await {
                    tracing::error!(submission = id, error = %e, "could not store the judge's result");
                }
                let _ = state.judge.progress.send(ProgressEvent {
                    submission: id,
                    done: result.tests.len(),
                    total: result.total_tests,
                    verdict: Some(result.verdict.clone()),
                    finished: true,
                });
            }
            Ok(None) => {
                tokio::select! {
                    _ = state.judge.wake.notified() => {}
                    _ = tokio::time::sleep(IDLE_POLL) => {}
                }
            }
            Err(e) => {
                tracing::error!(error = %e, "could not read the submission queue");
                tokio::time::sleep(IDLE_POLL).await;
            }
        }
    }
}

async fn run(
    state: &AppState,
    judge: &Arc<Judge>,
    problems: &HashMap<String, Arc<Problem>>,
    job: Job,
) -> SubmissionResult {
    let Some(problem) = problems.get(&job.problem_id).cloned() else {
        tracing::error!(submission = job.id, problem = %job.problem_id, "submission for a problem the judge cannot load");
        return internal_error();
    };
    let language = match job.language.as_str() {
        "go" => Language::Go,
        _ => Language::Rust,
    };
    let tests = if job.samples_only { Tests::Samples } else { Tests::All };
    let total = problem.tests.iter().filter(|t| tests == Tests::All || t.sample).count();
    let progress = state.judge.progress.clone();
    let id = job.id;
    let _ = progress.send(ProgressEvent { submission: id, done: 0, total, verdict: None, finished: false });
    let submission = Submission { problem, language, source: job.source, tests };
    let judge = judge.clone();
    let outcome = tokio::task::spawn_blocking(move || {
        let mut done = 0;
        judge.judge(&submission, None, &mut |test| {
            done += 1;
            let _ = progress.send(ProgressEvent {
                submission: id,
                done,
                total,
                verdict: Some(test.verdict.to_string()),
                finished: false,
            });
        })
    })
    .await;
    match outcome {
        Ok(Ok(report)) => result_of(report),
        Ok(Err(e)) => {
            tracing::error!(submission = id, error = %e, "the judge failed");
            internal_error()
        }
        Err(e) => {
            tracing::error!(submission = id, error = %e, "the judge task panicked");
            internal_error()
        }
    }
}

fn result_of(report: Report) -> SubmissionResult {
    SubmissionResult {
        verdict: report.verdict.to_string(),
        title: report.verdict.description().to_owned(),
        instructions: report.instructions(),
        peak_memory: report.peak_memory(),
        message: report.message,
        total_tests: report.total_tests,
        tests: report
            .tests
            .into_iter()
            .map(|t| TestRow {
                number: t.number,
                sample: t.sample,
                verdict: t.verdict.to_string(),
                instructions: t.instructions,
                instruction_limit: t.instruction_limit,
                peak_memory: t.peak_memory,
                detail: t.detail,
                io: t.sample_io.map(|io| (io.input, io.expected, io.actual)),
            })
            .collect(),
    }
}

fn internal_error() -> SubmissionResult {
    SubmissionResult {
        verdict: "IE".into(),
        title: "Internal error".into(),
        message: Some("The judge failed on our side; it has been logged. Please try again.".into()),
        tests: Vec::new(),
        total_tests: 0,
        instructions: 0,
        peak_memory: 0,
    }
}

async fn finish(pool: &SqlitePool, id: i64, result: &SubmissionResult) -> Result<(), sqlx::Error> {
    let json = serde_json::to_string(result).unwrap_or_default();
    sqlx::query(
        "UPDATE submissions SET status = 'done', verdict = ?, result = ?, finished_at = unixepoch() WHERE id = ?",
    )
    .bind(&result.verdict)
    .bind(json)
    .bind(id)
    .execute(pool)
    .await?;
    Ok(())
}
