//! What a run tells its viewer, in order: maybe `Queued` (again as the line moves), `Started`,
//! `Runtime`, samples and notes, maybe `Result`, then always `Finished` (or `Error` if it never
//! started). The server sends each as one SSE event named by [`DemoEvent::name`].

use serde::Serialize;
use serde_json::Value;

use crate::error::RunStatus;
use crate::protocol::{RuntimeInfo, Sample};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum DemoEvent {
    Queued {
        /// 1 = next in line.
        position: usize,
    },
    Started {
        run: String,
        /// Cores this machine has: the numbers depend on them.
        cores: usize,
        build_output: Option<String>,
    },
    Runtime(RuntimeInfo),
    Sample(Sample),
    Note {
        text: String,
    },
    Result {
        value: Value,
        prediction: Option<String>,
        correct: Option<bool>,
    },
    Finished {
        status: RunStatus,
        elapsed_ms: u64,
        samples: u64,
        rejected: u64,
        message: Option<String>,
    },
    Error {
        message: String,
    },
}

impl DemoEvent {
    pub fn name(&self) -> &'static str {
        match self {
            DemoEvent::Queued { .. } => "queued",
            DemoEvent::Started { .. } => "started",
            DemoEvent::Runtime(_) => "runtime",
            DemoEvent::Sample(_) => "sample",
            DemoEvent::Note { .. } => "note",
            DemoEvent::Result { .. } => "result",
            DemoEvent::Finished { .. } => "finished",
            DemoEvent::Error { .. } => "error",
        }
    }

    pub fn data(&self) -> String {
        // Every variant is plain data; serialisation cannot fail.
        serde_json::to_string(self).unwrap_or_else(|_| "{}".into())
    }
}
