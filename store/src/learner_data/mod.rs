//! A learner's data as one portable document (`portable::Document`): reading it out of the
//! database, merging one into an account, and a guest's progress merged into the account they
//! log in to. The merge rules are written down in `docs/export.md`; they make an import
//! idempotent (the same file twice changes nothing the second time).

mod export;
mod guest_merge;
mod import;

pub use guest_merge::{MergeOutcome, PendingMerge};
pub use import::{ImportReport, Tally};
