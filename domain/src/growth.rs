//! How a solution's cost grows with its input: the judge measures instruction counts on a
//! problem's scaling series and reports the curve, its fitted exponent and the closest class.

use serde::{Deserialize, Serialize};

use crate::parse::string_enum;

/// The complexity class an empirical cost curve is closest to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Growth {
    /// The cost does not grow with the input (start-up dominates).
    Constant,
    Linear,
    NLogN,
    Quadratic,
    Cubic,
}

string_enum!(Growth, "growth", {
    Constant => "constant",
    Linear => "linear",
    NLogN => "nlogn",
    Quadratic => "quadratic",
    Cubic => "cubic",
});

impl Growth {
    /// "~n log n": how the class is written next to a curve.
    pub const fn label(self) -> &'static str {
        match self {
            Growth::Constant => "~1",
            Growth::Linear => "~n",
            Growth::NLogN => "~n log n",
            Growth::Quadratic => "~n²",
            Growth::Cubic => "~n³",
        }
    }
}

/// One measurement: the instructions a run on the input of size `n` took.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScalingPoint {
    pub n: u64,
    pub instructions: u64,
}

/// A solution's growth on a problem's scaling series, next to the reference solution's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScalingReport {
    /// The solution's measurements, in size order; fewer than the series when `truncated`.
    pub points: Vec<ScalingPoint>,
    /// Fitted exponent k of cost ≈ a + c·n^k (see the judge's fit for how).
    pub exponent: f64,
    pub growth: Growth,
    /// The solution stopped before the largest size (over the instruction cap, or it failed).
    pub truncated: bool,
    /// Why it stopped, when `truncated`: "over 4.1 G instructions at n = 32000".
    pub note: Option<String>,
    pub reference: Vec<ScalingPoint>,
    pub reference_exponent: f64,
    pub reference_growth: Growth,
}
