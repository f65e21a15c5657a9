//! How many demos run at once: a global limit (default one per core) with a first-come queue
//! whose position the learner sees, and at most one demo per learner, running or waiting.

use std::collections::{HashSet, VecDeque};
use std::sync::{Arc, Mutex};

use tokio::sync::Notify;

use crate::error::StartError;
use crate::limits::MAX_WAITING;

pub struct Slots {
    limit: usize,
    state: Mutex<State>,
    changed: Notify,
}

#[derive(Default)]
struct State {
    running: usize,
    next_ticket: u64,
    waiting: VecDeque<u64>,
    /// Learners with a demo running or waiting.
    owners: HashSet<String>,
}

/// A place in the queue; dropping it (the learner left) gives the place up.
pub struct Ticket {
    slots: Arc<Slots>,
    ticket: u64,
    owner: String,
    holds_slot: bool,
}

impl Slots {
    pub fn new(limit: usize) -> Arc<Slots> {
        Arc::new(Slots { limit: limit.max(1), state: Mutex::default(), changed: Notify::new() })
    }

    pub fn limit(&self) -> usize {
        self.limit
    }

    /// Demos running now.
    pub fn running(&self) -> usize {
        self.lock().running
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic while holding this lock leaves consistent counters; keep going.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Joins the queue for `owner`, refusing a learner who already has a demo.
    pub fn join(self: &Arc<Self>, owner: &str) -> Result<Ticket, StartError> {
        let mut state = self.lock();
        if state.owners.contains(owner) {
            return Err(StartError::AlreadyRunning);
        }
        if state.waiting.len() >= MAX_WAITING {
            return Err(StartError::QueueFull(state.waiting.len()));
        }
        let ticket = state.next_ticket;
        state.next_ticket += 1;
        state.waiting.push_back(ticket);
        state.owners.insert(owner.to_string());
        Ok(Ticket { slots: self.clone(), ticket, owner: owner.to_string(), holds_slot: false })
    }
}

impl Ticket {
    /// Waits for a free slot; `on_position` hears the place in line (1 = next) whenever it
    /// changes while waiting.
    pub async fn wait_for_slot(&mut self, mut on_position: impl FnMut(usize)) {
        let mut told = None;
        loop {
            let changed = self.slots.changed.notified();
            tokio::pin!(changed);
            // Registered before looking, so a change between the look and the wait is not missed.
            changed.as_mut().enable();
            {
                let mut state = self.slots.lock();
                let position = state.waiting.iter().position(|&t| t == self.ticket).unwrap_or(0);
                if position == 0 && state.running < self.slots.limit {
                    state.waiting.pop_front();
                    state.running += 1;
                    self.holds_slot = true;
                    drop(state);
                    // The next in line moves up.
                    self.slots.changed.notify_waiters();
                    return;
                }
                let place = position + 1;
                if told != Some(place) {
                    told = Some(place);
                    on_position(place);
                }
            }
            changed.await;
        }
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        let mut state = self.slots.lock();
        if self.holds_slot {
            state.running -= 1;
        } else {
            state.waiting.retain(|&t| t != self.ticket);
        }
        state.owners.remove(&self.owner);
        drop(state);
        self.slots.changed.notify_waiters();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn one_per_learner_and_a_queue_in_order() {
        let slots = Slots::new(1);
        let mut a = slots.join("a").unwrap();
        assert!(matches!(slots.join("a"), Err(StartError::AlreadyRunning)));
        a.wait_for_slot(|_| panic!("a free slot needs no waiting")).await;
        let mut b = slots.join("b").unwrap();
        let mut c = slots.join("c").unwrap();
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        let tx_c = tx.clone();
        let waiting_c = tokio::spawn(async move {
            c.wait_for_slot(|p| tx_c.send(("c", p)).unwrap()).await;
            c
        });
        tokio::task::yield_now().await;
        let waiting_b = tokio::spawn(async move {
            b.wait_for_slot(|p| tx.send(("b", p)).unwrap()).await;
            b
        });
        let mut heard = Vec::new();
        while heard.len() < 2 {
            heard.push(rx.recv().await.unwrap());
        }
        heard.sort();
        assert_eq!(heard, vec![("b", 1), ("c", 2)], "b joined before c");
        assert_eq!(slots.running(), 1);
        drop(a);
        let b = waiting_b.await.unwrap();
        assert_eq!(slots.running(), 1, "b took a's slot; c still waits");
        assert_eq!(rx.recv().await.unwrap(), ("c", 1), "c moved up");
        drop(b);
        let c = waiting_c.await.unwrap();
        drop(c);
        assert_eq!(slots.running(), 0);
        slots.join("a").expect("a may run again once its demo ended");
    }

    #[tokio::test]
    async fn leaving_the_queue_frees_the_place() {
        let slots = Slots::new(1);
        let mut a = slots.join("a").unwrap();
        a.wait_for_slot(|_| {}).await;
        let b = slots.join("b").unwrap();
        drop(b);
        assert!(slots.lock().waiting.is_empty());
        slots.join("b").expect("b left, so b may join again");
    }
}

#[cfg(test)]
mod churn {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn many_runs_one_after_another_leave_nothing_behind() {
        let slots = Slots::new(2);
        let mut jobs = Vec::new();
        for n in 0..100 {
            let slots = slots.clone();
            jobs.push(tokio::spawn(async move {
                let mut t = loop {
                    match slots.join(&format!("l{n}")) {
                        Ok(t) => break t,
                        Err(_) => tokio::time::sleep(std::time::Duration::from_millis(1)).await,
                    }
                };
                t.wait_for_slot(|_| {}).await;
                tokio::time::sleep(std::time::Duration::from_millis(1)).await;
            }));
        }
        for j in jobs {
            j.await.unwrap();
        }
        let state = slots.lock();
        assert_eq!((state.running, state.waiting.len(), state.owners.len()), (0, 0, 0));
    }
}
