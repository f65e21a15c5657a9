//! SQL, one file per table group. Functions take the pool and plain values; callers map errors.

pub mod progress;
pub mod submissions;
pub mod users;
