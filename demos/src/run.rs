//! One run of one demo: the confined child process, its stdout and stderr turned into events,
//! the timeout, and the kill of its whole process group however the run ends.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use catalog::demo::{DemoSpec, SampleSource};
use serde_json::{Map, Value};
use tokio::io::{AsyncBufReadExt, AsyncRead, BufReader};
use tokio::sync::{Notify, mpsc};

use crate::build::Built;
use crate::error::RunStatus;
use crate::event::DemoEvent;
use crate::limits::{self, MAX_LINE_BYTES, MAX_LINES, STDERR_TAIL_BYTES};
use crate::protocol::{self, Line, Sample};
use crate::schedtrace::{Fed, TraceParser};

/// What a run needs besides the binary.
pub(crate) struct RunSetup {
    pub spec: Arc<DemoSpec>,
    pub args: Vec<String>,
    pub prediction: Option<String>,
    pub jail: jail::Jail,
    pub work_root: PathBuf,
    pub cores: usize,
    /// Set to the child's process group id once it runs (tests look for survivors by it).
    pub pgid: Arc<std::sync::atomic::AtomicU32>,
}

/// Runs the program to its end, sending events; returns how it ended. Returns early (killing
/// the group) when `stop` is notified or the receiver of `events` is gone.
pub(crate) async fn execute(
    built: &Built,
    setup: RunSetup,
    events: &mpsc::Sender<DemoEvent>,
    stop: &Notify,
) -> RunStatus {
    let spec = setup.spec.clone();
    let timeout = Duration::from_secs(spec.timeout_seconds.into());
    let started = Instant::now();
    let mut tally = Tally::default();
    let status = match run_child(built, &setup, events, stop, &mut tally).await {
        Ok(status) => status,
        Err(message) => {
            tally.message = Some(message);
            RunStatus::Failed
        }
    };
    let refused = tally.first_rejection.as_ref().map(|reason| {
        format!("{} line(s) of the demo's output were refused, the first because: {reason}", tally.rejected)
    });
    let message = tally.message.take().or(refused);
    let _ = events
        .send(DemoEvent::Finished {
            status,
            elapsed_ms: started.elapsed().as_millis() as u64,
            samples: tally.samples,
            rejected: tally.rejected,
            message: message.or_else(|| (status == RunStatus::TimedOut).then(|| status.describe(timeout))),
        })
        .await;
    status
}

#[derive(Default)]
struct Tally {
    lines: u64,
    samples: u64,
    rejected: u64,
    first_rejection: Option<String>,
    message: Option<String>,
    result_seen: bool,
}

async fn run_child(
    built: &Built,
    setup: &RunSetup,
    events: &mpsc::Sender<DemoEvent>,
    stop: &Notify,
    tally: &mut Tally,
) -> Result<RunStatus, String> {
    let spec = &setup.spec;
    let timeout = Duration::from_secs(spec.timeout_seconds.into());
    let work =
        tempfile::tempdir_in(&setup.work_root).map_err(|e| format!("could not create a working directory: {e}"))?;
    let rlimits = jail::Rlimits {
        cpu_seconds: Some(limits::cpu_seconds(timeout, setup.cores)),
        address_space_bytes: Some(limits::ADDRESS_SPACE_BYTES),
        file_size_bytes: Some(limits::FILE_SIZE_BYTES),
        open_files: Some(limits::OPEN_FILES),
        processes: Some(limits::PROCESSES),
        nice: Some(limits::NICENESS),
    };
    let pipe = |what: &str| std::io::pipe().map_err(|e| format!("could not create the demo's {what} pipe: {e}"));
    let (stdout_read, stdout_write) = pipe("stdout")?;
    let (stderr_read, stderr_write) = pipe("stderr")?;
    let mut cmd = setup
        .jail
        .command(&built.binary)
        .args(&setup.args)
        .env("TMPDIR", work.path())
        .stdout(stdout_write)
        .stderr(stderr_write)
        .limits(rlimits);
    if let Some(godebug) = &spec.godebug {
        cmd = cmd.env("GODEBUG", godebug);
    }
    // Started without copying the server (no fork of its memory); the write ends of the pipes
    // are closed here once the child has them, so the reads below end when it does.
    let mut child = cmd.spawn(work.path()).map_err(|e| format!("could not start the demo: {e}"))?;
    let pgid = child.id();
    setup.pgid.store(pgid, std::sync::atomic::Ordering::SeqCst);
    // However this function returns, no process of the run survives it.
    let _group = KillOnDrop(pgid);
    let receiver = |read: std::io::PipeReader| {
        tokio::net::unix::pipe::Receiver::from_owned_fd(read.into())
            .map_err(|e| format!("could not read the demo's output: {e}"))
    };

    let mut stdout = CappedLines::new(receiver(stdout_read)?);
    let mut stderr = CappedLines::new(receiver(stderr_read)?);
    let mut trace = TraceParser::default();
    let mut stderr_tail = String::new();
    let deadline = tokio::time::sleep(timeout);
    tokio::pin!(deadline);
    let mut exit = None;
    let (mut out_open, mut err_open) = (true, true);

    while out_open || err_open || exit.is_none() {
        tokio::select! {
            biased;
            _ = stop.notified() => return Ok(RunStatus::Stopped),
            _ = events.closed() => return Ok(RunStatus::Stopped),
            _ = &mut deadline => return Ok(RunStatus::TimedOut),
            line = stdout.next(), if out_open => match line {
                Some(line) => {
                    if let Some(event) = read_stdout(spec, setup.prediction.as_deref(), line, tally)
                        && events.send(event).await.is_err()
                    {
                        return Ok(RunStatus::Stopped);
                    }
                }
                None => out_open = false,
            },
            line = stderr.next(), if err_open => match line {
                Some(Ok(line)) => match trace.feed(&line) {
                    Fed::Trace(t) => send_trace(spec, t, events, tally).await,
                    Fed::Consumed => {}
                    Fed::Other => keep_tail(&mut stderr_tail, &line),
                },
                Some(Err(_)) => {}
                None => {
                    err_open = false;
                    if let Some(t) = trace.finish() {
                        send_trace(spec, t, events, tally).await;
                    }
                }
            },
            status = exited(&mut child), if exit.is_none() => {
                exit = Some(status.map_err(|e| format!("waiting for the demo: {e}"))?);
                // Pipes held open by a stray descendant must not keep the run alive.
                deadline.as_mut().reset(tokio::time::Instant::now() + limits::DRAIN_WALL.min(timeout));
            }
        }
    }
    let Some(exit) = exit else { return Ok(RunStatus::Failed) };
    if exit.success() {
        return Ok(RunStatus::Completed);
    }
    use std::os::unix::process::ExitStatusExt;
    let how = match exit.signal() {
        Some(libc::SIGXCPU) => "used more CPU time than allowed".to_string(),
        Some(libc::SIGKILL) => "was killed (out of memory?)".to_string(),
        Some(sig) => format!("was killed by signal {sig}"),
        None => format!("exited with status {}", exit.code().unwrap_or(-1)),
    };
    let tail = stderr_tail.trim();
    tally.message = Some(if tail.is_empty() { format!("The demo {how}.") } else { format!("The demo {how}:\n{tail}") });
    Ok(RunStatus::Failed)
}

fn read_stdout(
    spec: &DemoSpec,
    prediction: Option<&str>,
    line: Result<String, String>,
    tally: &mut Tally,
) -> Option<DemoEvent> {
    tally.lines += 1;
    if tally.lines > MAX_LINES {
        if tally.lines == MAX_LINES + 1 {
            return Some(DemoEvent::Note {
                text: format!("The demo printed more than {MAX_LINES} lines; the rest is not shown."),
            });
        }
        return None;
    }
    let parsed = line.and_then(|l| protocol::parse_line(spec, &l));
    match parsed {
        Ok(Line::Runtime(info)) => Some(DemoEvent::Runtime(info)),
        Ok(Line::Sample(sample)) => {
            tally.samples += 1;
            Some(DemoEvent::Sample(sample))
        }
        Ok(Line::Note(text)) => Some(DemoEvent::Note { text }),
        Ok(Line::Result(value)) if !tally.result_seen => {
            tally.result_seen = true;
            let correct = match (&spec.prediction, prediction) {
                (Some(p), Some(guess)) => Some(p.is_right(guess, &value)),
                _ => None,
            };
            Some(DemoEvent::Result { value, prediction: prediction.map(str::to_string), correct })
        }
        Ok(Line::Result(_)) => reject(tally, "a second result line".into()),
        Err(reason) => reject(tally, reason),
    }
}

fn reject(tally: &mut Tally, reason: String) -> Option<DemoEvent> {
    tally.rejected += 1;
    if tally.first_rejection.is_none() {
        tracing::warn!("demo line refused: {reason}");
        tally.first_rejection = Some(reason);
    }
    None
}

async fn send_trace(
    spec: &DemoSpec,
    trace: crate::schedtrace::Trace,
    events: &mpsc::Sender<DemoEvent>,
    tally: &mut Tally,
) {
    for chart in spec.charts.iter().filter(|c| c.source == SampleSource::Schedtrace) {
        let values: Map<String, Value> = trace
            .values
            .iter()
            .filter(|(k, _)| chart.has_series(k))
            .map(|(k, v)| (k.clone(), Value::from(*v)))
            .collect();
        if values.is_empty() {
            continue;
        }
        tally.samples += 1;
        let sample = Sample { chart: chart.id.clone(), x: Value::from(trace.ms), values };
        let _ = events.send(DemoEvent::Sample(sample)).await;
    }
}

/// Waits for the child to end. Cancel-safe: a status seen is kept by the child handle.
async fn exited(child: &mut jail::ConfinedChild) -> std::io::Result<std::process::ExitStatus> {
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(status);
        }
        tokio::time::sleep(EXIT_POLL).await;
    }
}

/// How often a running demo is checked for its end (its output is read as it comes, not polled).
const EXIT_POLL: Duration = Duration::from_millis(10);

fn keep_tail(tail: &mut String, line: &str) {
    tail.push_str(line);
    tail.push('\n');
    if tail.len() > STDERR_TAIL_BYTES {
        let mut cut = tail.len() - STDERR_TAIL_BYTES;
        while !tail.is_char_boundary(cut) {
            cut += 1;
        }
        tail.drain(..cut);
    }
}

struct KillOnDrop(u32);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if self.0 != 0 {
            jail::kill_group(self.0);
        }
    }
}

/// Lines of at most [`MAX_LINE_BYTES`]; a longer line is read to its end and refused whole.
/// `next` is cancel-safe (it sits in a `select!`): a half-read line stays in `buf`.
struct CappedLines<R> {
    reader: BufReader<R>,
    buf: Vec<u8>,
    too_long: bool,
}

impl<R: AsyncRead + Unpin> CappedLines<R> {
    fn new(inner: R) -> Self {
        CappedLines { reader: BufReader::new(inner), buf: Vec::new(), too_long: false }
    }

    /// `None` at end of stream; `Some(Err)` for a line that was too long or not UTF-8.
    async fn next(&mut self) -> Option<Result<String, String>> {
        loop {
            let Ok(chunk) = self.reader.fill_buf().await else { return None };
            if chunk.is_empty() {
                if self.buf.is_empty() && !self.too_long {
                    return None;
                }
                break;
            }
            let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            if !self.too_long {
                let room = (MAX_LINE_BYTES + 1).saturating_sub(self.buf.len());
                self.buf.extend_from_slice(&chunk[..take.min(room)]);
                self.too_long = self.buf.len() > MAX_LINE_BYTES;
            }
            self.reader.consume(take);
            if done {
                break;
            }
        }
        let line = std::mem::take(&mut self.buf);
        if std::mem::take(&mut self.too_long) {
            return Some(Err(format!("a line longer than {MAX_LINE_BYTES} bytes")));
        }
        let text = String::from_utf8(line).map_err(|_| "a line that is not UTF-8".to_string());
        Some(text.map(|t| t.trim_end_matches(['\n', '\r']).to_string()))
    }
}
