//! Which failures below the API are the database saying "not now" rather than a bug: those
//! reach the learner as a clear 503 instead of the generic internal error.

use std::fmt::Display;

use store::{Outage, StoreError};

use super::review::ReviewError;
use crate::api::ApiError;

/// An error a server function gives to `state::internal`.
pub trait Failure: Display {
    /// `Some` when the database could not take the request for now.
    fn outage(&self) -> Option<Outage> {
        None
    }
}

impl Failure for StoreError {
    fn outage(&self) -> Option<Outage> {
        StoreError::outage(self)
    }
}

impl Failure for ReviewError {
    fn outage(&self) -> Option<Outage> {
        match self {
            ReviewError::Store(e) => e.outage(),
            _ => None,
        }
    }
}

/// What the learner is told; nothing of theirs was saved by the request that failed.
pub fn unavailable(outage: Outage) -> ApiError {
    ApiError::Unavailable(
        match outage {
            Outage::DiskFull => "The server is out of disk space, so this was not saved. Please try again later.",
            Outage::Busy => "The database is busy, so this was not saved. Please try again in a few seconds.",
        }
        .into(),
    )
}
