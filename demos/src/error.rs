use std::time::Duration;

/// Why a demo could not be built.
#[derive(Debug, Clone, thiserror::Error)]
pub enum BuildError {
    #[error("no demo `{0}`")]
    Unknown(String),
    #[error("demo `{id}` does not build:\n{output}")]
    Failed { id: String, output: String },
    #[error("{what}: {message}")]
    Io { what: &'static str, message: String },
}

impl BuildError {
    pub(crate) fn io(what: &'static str, e: std::io::Error) -> Self {
        BuildError::Io { what, message: e.to_string() }
    }
}

/// Why a run was not started; each is something the learner can act on.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("There is no demo called “{0}”.")]
    UnknownDemo(String),
    /// A parameter out of range, of the wrong type, or unknown.
    #[error("{0}")]
    BadParams(String),
    #[error("You already have a demo running; stop it or wait for it to finish.")]
    AlreadyRunning,
    #[error("Every demo slot is taken and {0} learners are waiting; try again in a minute.")]
    QueueFull(usize),
}

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RunStatus {
    Completed,
    TimedOut,
    Failed,
    Stopped,
}

impl RunStatus {
    pub fn describe(self, timeout: Duration) -> String {
        match self {
            RunStatus::Completed => "finished".into(),
            RunStatus::TimedOut => format!("stopped after its time limit of {} s", timeout.as_secs()),
            RunStatus::Failed => "failed".into(),
            RunStatus::Stopped => "stopped".into(),
        }
    }
}
