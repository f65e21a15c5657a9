use crate::parse::string_enum;

/// Where a learner stands with a problem: an accepted full submission, some submission (a
/// sample run counts), or none yet. The problem list filters on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ProblemStatus {
    Solved,
    Attempted,
    #[default]
    New,
}

string_enum!(ProblemStatus, "problem status", { Solved => "solved", Attempted => "attempted", New => "new" });

impl ProblemStatus {
    pub const fn label(self) -> &'static str {
        match self {
            ProblemStatus::Solved => "Solved",
            ProblemStatus::Attempted => "Attempted",
            ProblemStatus::New => "New",
        }
    }
}
