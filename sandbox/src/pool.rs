//! A bounded pool of judge workers: a queue with a capacity, N workers (default: the number of
//! cores), progress events per submission, and cancellation (queued or running).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use crate::error::{Error, Result};
use crate::judge::{Judge, Submission};
use crate::verdict::{Report, TestResult, Verdict};

/// What a ticket's receiver sees, in order: `Started`, any number of `Test`, then `Done`.
#[derive(Debug, Clone)]
pub enum Event {
    Started,
    Test(TestResult),
    /// The final report; `Err` carries a cancellation or the judge's own failure (already logged).
    Done(std::result::Result<Report, String>),
}

struct Job {
    submission: Submission,
    cancel: Arc<AtomicBool>,
    events: mpsc::Sender<Event>,
}

/// A queued or running submission.
pub struct Ticket {
    pub events: Receiver<Event>,
    cancel: Arc<AtomicBool>,
}

impl Ticket {
    /// Stops the submission: a queued one never starts, a running one stops within an epoch tick
    /// (or a compiler poll) and reports `Done(Err("cancelled"))`.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Blocks until the final report, ignoring progress events.
    pub fn wait(self) -> std::result::Result<Report, String> {
        for ev in self.events.iter() {
            if let Event::Done(r) = ev {
                return r;
            }
        }
        Err("the judge worker went away".into())
    }
}

pub struct Pool {
    queue: Mutex<Option<SyncSender<Job>>>,
    workers: Vec<JoinHandle<()>>,
}

impl Pool {
    /// `workers` threads (0 means the number of cores) sharing one queue of `queue_capacity`.
    pub fn new(judge: Arc<Judge>, workers: usize, queue_capacity: usize) -> Result<Pool> {
        let workers =
            if workers == 0 { std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2) } else { workers };
        let (tx, rx) = mpsc::sync_channel::<Job>(queue_capacity);
        let rx = Arc::new(Mutex::new(rx));
        let mut handles = Vec::with_capacity(workers);
        for i in 0..workers {
            let (judge, rx) = (judge.clone(), rx.clone());
            let handle = std::thread::Builder::new()
                .name(format!("judge-worker-{i}"))
                .spawn(move || worker(&judge, &rx))
                .map_err(|e| Error::io("spawn judge worker", e))?;
            handles.push(handle);
        }
        Ok(Pool { queue: Mutex::new(Some(tx)), workers: handles })
    }

    /// Queues a submission. Fails fast with `QueueFull` rather than blocking the caller.
    pub fn submit(&self, submission: Submission) -> Result<Ticket> {
        let (events_tx, events) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let job = Job { submission, cancel: cancel.clone(), events: events_tx };
        let guard = self.queue.lock().map_err(|_| Error::ShutDown)?;
        let tx = guard.as_ref().ok_or(Error::ShutDown)?;
        match tx.try_send(job) {
            Ok(()) => Ok(Ticket { events, cancel }),
            Err(TrySendError::Full(_)) => Err(Error::QueueFull),
            Err(TrySendError::Disconnected(_)) => Err(Error::ShutDown),
        }
    }

    /// Lets queued work finish, then stops the workers.
    pub fn shutdown(mut self) {
        self.close();
    }

    fn close(&mut self) {
        if let Ok(mut q) = self.queue.lock() {
            q.take();
        }
        for h in self.workers.drain(..) {
            let _ = h.join();
        }
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        self.close();
    }
}

fn worker(judge: &Judge, rx: &Mutex<Receiver<Job>>) {
    loop {
        let job = {
            let Ok(rx) = rx.lock() else { return };
            match rx.recv() {
                Ok(job) => job,
                Err(_) => return,
            }
        };
        // A receiver that went away just means nobody listens; judging still completes.
        if job.cancel.load(Ordering::Relaxed) {
            let _ = job.events.send(Event::Done(Err("cancelled".into())));
            continue;
        }
        let _ = job.events.send(Event::Started);
        let events = job.events.clone();
        let mut on_test = move |t: &TestResult| {
            let _ = events.send(Event::Test(t.clone()));
        };
        let result = judge.judge(&job.submission, Some(&job.cancel), &mut on_test);
        let done = match result {
            Ok(report) => Ok(report),
            Err(Error::Cancelled) => Err("cancelled".into()),
            Err(e) => {
                tracing::error!(problem = %job.submission.problem.id, error = %e, "internal judge error");
                Ok(Report {
                    verdict: Verdict::IE,
                    message: Some("The judge failed on our side; it has been logged.".into()),
                    tests: Vec::new(),
                    total_tests: job.submission.problem.tests.len(),
                    timings: Default::default(),
                })
            }
        };
        let _ = job.events.send(Event::Done(done));
    }
}
