//! What the test watches while the attack runs: that a lesson page keeps answering (each
//! request's status and latency), and which jailed compiler processes are alive. A jailed
//! process is recognised by its working directory, which the judge makes inside the scratch
//! directory this test owns; so the same scan, run at the end, finds any that outlived their
//! submission.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tokio::task::JoinHandle;

/// Each lesson-page request may take this long before it counts as a failure: a generous
/// bound on a loaded 2-core machine; the figures printed are the real measure.
const PAGE_TIMEOUT: Duration = Duration::from_secs(10);
const PAGE_EVERY: Duration = Duration::from_millis(250);
const SCAN_EVERY: Duration = Duration::from_millis(20);

pub struct Watch {
    stop: Arc<AtomicBool>,
    pages: JoinHandle<Vec<Result<Duration, String>>>,
    scanner: std::thread::JoinHandle<()>,
    most_jailed: Arc<AtomicUsize>,
}

pub struct Seen {
    /// One entry per lesson-page request: its latency, or what went wrong.
    pub pages: Vec<Result<Duration, String>>,
    /// The most jailed processes alive at once.
    pub most_jailed: usize,
}

impl Watch {
    pub fn start(page_url: String, scratch: PathBuf) -> Watch {
        let stop = Arc::new(AtomicBool::new(false));
        let most_jailed = Arc::new(AtomicUsize::new(0));
        let pages = tokio::spawn(poll_page(page_url, stop.clone()));
        let (flag, most) = (stop.clone(), most_jailed.clone());
        let scanner = std::thread::spawn(move || {
            while !flag.load(Ordering::Relaxed) {
                most.fetch_max(jailed_processes(&scratch).len(), Ordering::Relaxed);
                std::thread::sleep(SCAN_EVERY);
            }
        });
        Watch { stop, pages, scanner, most_jailed }
    }

    pub async fn stop(self) -> Seen {
        self.stop.store(true, Ordering::Relaxed);
        let pages = self.pages.await.expect("the page poller panicked");
        self.scanner.join().expect("the process scanner panicked");
        Seen { pages, most_jailed: self.most_jailed.load(Ordering::Relaxed) }
    }
}

async fn poll_page(url: String, stop: Arc<AtomicBool>) -> Vec<Result<Duration, String>> {
    let http = reqwest::Client::builder().timeout(PAGE_TIMEOUT).build().unwrap();
    let mut seen = Vec::new();
    while !stop.load(Ordering::Relaxed) {
        let started = Instant::now();
        let outcome = match http.get(&url).send().await {
            Ok(res) if res.status() == 200 => match res.text().await {
                Ok(body) if body.contains("</html>") => Ok(started.elapsed()),
                Ok(_) => Err("a truncated page".to_string()),
                Err(e) => Err(format!("reading the page: {e}")),
            },
            Ok(res) => Err(format!("status {}", res.status())),
            Err(e) => Err(format!("{e}")),
        };
        seen.push(outcome);
        tokio::time::sleep(PAGE_EVERY).await;
    }
    seen
}

/// Processes (pid, command line) whose working directory is beneath `scratch`.
pub fn jailed_processes(scratch: &Path) -> Vec<(u32, String)> {
    let Ok(entries) = std::fs::read_dir("/proc") else { return Vec::new() };
    entries
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.parse::<u32>().ok()))
        .filter_map(|pid| {
            // A process that exits meanwhile simply drops out.
            let cwd = std::fs::read_link(format!("/proc/{pid}/cwd")).ok()?;
            if !cwd.starts_with(scratch) {
                return None;
            }
            let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
            Some((pid, String::from_utf8_lossy(&cmdline).replace('\0', " ")))
        })
        .collect()
}

/// p50, p99 and max of the successful requests.
pub fn percentiles(pages: &[Result<Duration, String>]) -> Option<(Duration, Duration, Duration)> {
    let mut ok: Vec<Duration> = pages.iter().filter_map(|p| p.as_ref().ok().copied()).collect();
    if ok.is_empty() {
        return None;
    }
    ok.sort();
    let at = |q: f64| ok[((ok.len() - 1) as f64 * q).round() as usize];
    Some((at(0.5), at(0.99), *ok.last().unwrap()))
}
