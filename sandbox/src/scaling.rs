//! How it scales: a problem's scaling series (`[scaling]` in problem.toml), the inputs its
//! generator writes, and the fit of an instruction-count curve to a growth class.

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;

use domain::{Growth, ScalingPoint};

use crate::error::{Error, Result};

pub use catalog::problem::Scaling;

/// One input of the series: its size and the bytes the generator printed.
#[derive(Debug, Clone)]
pub struct ScalingInput {
    pub n: u64,
    pub input: Arc<[u8]>,
}

/// Runs `python3 <generator> N` in the problem's folder for every size of the series.
/// The generator is committed content (stdlib only, fixed seed), so the inputs are the same on
/// every machine; a failing or silent generator is the problem's fault and says so.
pub fn generate(dir: &Path, series: &Scaling) -> Result<Vec<ScalingInput>> {
    let script = dir.join(&series.generator);
    series
        .sizes
        .iter()
        .map(|&n| {
            let fail = |reason: String| {
                Error::problem(&script, format!("`python3 {} {n}`: {reason}", series.generator.display()))
            };
            let out = Command::new("python3")
                .arg(&series.generator)
                .arg(n.to_string())
                .current_dir(dir)
                .stdin(Stdio::null())
                .output()
                .map_err(|e| fail(format!("cannot run python3: {e}")))?;
            if !out.status.success() {
                let stderr = String::from_utf8_lossy(&out.stderr);
                let last = stderr.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").trim();
                return Err(fail(format!("{}{}{last}", out.status, if last.is_empty() { "" } else { ": " })));
            }
            if out.stdout.is_empty() {
                return Err(fail("printed nothing".into()));
            }
            Ok(ScalingInput { n, input: Arc::from(out.stdout) })
        })
        .collect()
}

/// A fitted curve: cost ≈ a + c·n^exponent, and the class it is closest to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    pub exponent: f64,
    pub growth: Growth,
}

/// Below this relative growth over the whole series, the cost is start-up: [`Growth::Constant`].
pub const CONSTANT_SPREAD: f64 = 0.01;
/// A growing part with a fitted exponent below this (log n, √n at most) is closer to constant
/// than to linear: [`Growth::Constant`].
pub const CONSTANT_EXPONENT: f64 = 0.5;

/// The classes compared, with their shape g(n); each model is c·g(n) plus the start-up cost.
/// A growth model's shape g(n).
type Shape = fn(f64) -> f64;

const MODELS: [(Growth, Shape); 4] = [
    (Growth::Linear, |n| n),
    (Growth::NLogN, |n| n * n.ln()),
    (Growth::Quadratic, |n| n * n),
    (Growth::Cubic, |n| n * n * n),
];

/// Fits the growth of an instruction-count curve (`points` in increasing `n`).
///
/// A run's cost is a fixed start-up `a` plus work that grows with the input:
/// `y(n) = a + c·g(n)`. `a` is not small: Go's runtime takes millions of instructions to start,
/// and a plain log-log fit of `y` on `n` bends towards exponent 0 wherever `a` is a visible
/// part of `y`. Subtracting "a trivial run" would guess `a` (a trivial input skips the reading,
/// the allocations and the GC cycles that come with real ones), and fitting only the larger
/// sizes throws data away and still leaves some bias. Instead the fit uses the *increments*
/// between successive sizes, `Δy_i = y(n_{i+1}) − y(n_i) = c·(g(n_{i+1}) − g(n_i))`, in which
/// `a` cancels exactly, whatever it is, with no extra run.
///
/// - **Exponent**: the `k` minimising the least squares of
///   `log Δy_i − log c − log(n_{i+1}^k − n_i^k)` (`c` in closed form, `k` by a fine grid then
///   golden-section search; deterministic). For doubling sizes this is exactly the slope of
///   `log Δy` on `log n`, i.e. the log-log slope of the growing part.
/// - **Class**: the model `g` among n, n log n, n², n³ whose increments fit the measured ones
///   best in log space (least squares of `log Δy_i − log Δg_i − log c`; every model has the one
///   free constant `c`, so their residuals compare fairly). This tells n from n log n by the
///   curve's shape rather than by a threshold on the exponent (n log n fits as ~1.1 on 10³–10⁵).
/// - [`Growth::Constant`] when the whole series grows by less than [`CONSTANT_SPREAD`] of its
///   smallest count, when fewer than two increments are positive, or when the exponent is
///   below [`CONSTANT_EXPONENT`].
///
/// With fewer than three points (a truncated series) the increments cannot fit both `c` and
/// `k`; the exponent is then the plain log-log slope (biased low by the start-up cost) and the
/// class is the one whose exponent (1, 1.1, 2, 3) is closest.
pub fn fit(points: &[ScalingPoint]) -> Fit {
    let constant = Fit { exponent: 0.0, growth: Growth::Constant };
    let Some((first, last)) = points.first().zip(points.last()) else { return constant };
    let (y0, y1) = (first.instructions as f64, last.instructions as f64);
    if points.len() < 2 || y1 <= y0 * (1.0 + CONSTANT_SPREAD) {
        return constant;
    }
    // (n_i, n_{i+1}, log Δy_i) for the increasing steps.
    let steps: Vec<(f64, f64, f64)> = points
        .windows(2)
        .filter(|w| w[1].instructions > w[0].instructions)
        .map(|w| (w[0].n as f64, w[1].n as f64, ((w[1].instructions - w[0].instructions) as f64).ln()))
        .collect();
    if points.len() < 3 {
        let exponent = (y1.ln() - y0.ln()) / ((last.n as f64).ln() - (first.n as f64).ln());
        let nominal = [(Growth::Linear, 1.0), (Growth::NLogN, 1.1), (Growth::Quadratic, 2.0), (Growth::Cubic, 3.0)];
        let growth = nominal.iter().min_by(|a, b| (a.1 - exponent).abs().total_cmp(&(b.1 - exponent).abs())).unwrap().0;
        return Fit { exponent, growth };
    }
    if steps.len() < 2 {
        return constant;
    }
    let power = |k: f64| rss(&steps, |n| n.powf(k));
    let exponent = minimise(power, 0.05, 4.0);
    if exponent < CONSTANT_EXPONENT {
        return Fit { exponent, growth: Growth::Constant };
    }
    let growth = MODELS.iter().map(|(g, f)| (*g, rss(&steps, f))).min_by(|a, b| a.1.total_cmp(&b.1)).unwrap().0;
    Fit { exponent, growth }
}

/// Residual sum of squares of `log Δy_i` against `log c + log(g(n_{i+1}) − g(n_i))`, with the
/// best `c` (the mean residual).
fn rss(steps: &[(f64, f64, f64)], g: impl Fn(f64) -> f64) -> f64 {
    let residuals: Vec<f64> =
        steps.iter().map(|&(a, b, log_dy)| log_dy - (g(b) - g(a)).max(f64::MIN_POSITIVE).ln()).collect();
    let mean = residuals.iter().sum::<f64>() / residuals.len() as f64;
    residuals.iter().map(|r| (r - mean).powi(2)).sum()
}

/// The argument minimising `f` on `[lo, hi]`: a grid of 0.01 steps (robust to a non-convex `f`),
/// then golden-section search around the best grid point.
fn minimise(f: impl Fn(f64) -> f64, lo: f64, hi: f64) -> f64 {
    const STEP: f64 = 0.01;
    let cells = ((hi - lo) / STEP).round() as usize;
    let best = (0..=cells).map(|i| lo + i as f64 * STEP).min_by(|a, b| f(*a).total_cmp(&f(*b))).unwrap_or(lo);
    let (mut a, mut b) = ((best - STEP).max(lo), (best + STEP).min(hi));
    let ratio = (5f64.sqrt() - 1.0) / 2.0;
    for _ in 0..60 {
        let (c, d) = (b - ratio * (b - a), a + ratio * (b - a));
        if f(c) < f(d) {
            b = d;
        } else {
            a = c;
        }
    }
    (a + b) / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIZES: [u64; 6] = [1000, 2000, 4000, 8000, 16000, 32000];

    fn series(start_up: f64, g: impl Fn(f64) -> f64) -> Vec<ScalingPoint> {
        SIZES.iter().map(|&n| ScalingPoint { n, instructions: (start_up + g(n as f64)).round() as u64 }).collect()
    }

    #[test]
    fn exact_curves_get_their_class_and_exponent() {
        // A Go-sized start-up cost (5 M) that dominates the small sizes does not bend the fit.
        for start_up in [0.0, 5e6, 5e7] {
            let linear = fit(&series(start_up, |n| 300.0 * n));
            assert_eq!(linear.growth, Growth::Linear, "{start_up}");
            assert!((linear.exponent - 1.0).abs() < 0.01, "{linear:?}");

            let nlogn = fit(&series(start_up, |n| 40.0 * n * n.ln()));
            assert_eq!(nlogn.growth, Growth::NLogN, "{start_up}");
            assert!(nlogn.exponent > 1.05 && nlogn.exponent < 1.2, "{nlogn:?}");

            let quadratic = fit(&series(start_up, |n| 3.0 * n * n));
            assert_eq!(quadratic.growth, Growth::Quadratic, "{start_up}");
            assert!((quadratic.exponent - 2.0).abs() < 0.01, "{quadratic:?}");

            let cubic = fit(&series(start_up, |n| 0.01 * n * n * n));
            assert_eq!(cubic.growth, Growth::Cubic, "{start_up}");
            assert!((cubic.exponent - 3.0).abs() < 0.01, "{cubic:?}");
        }
    }

    #[test]
    fn a_plain_log_log_fit_would_be_fooled_by_start_up() {
        // What the increments protect against: with a 5 M start-up, the raw log-log slope of a
        // linear curve at 300 instructions per element is far below 1.
        let pts = series(5e6, |n| 300.0 * n);
        let (a, b) = (pts[0], pts[5]);
        let raw =
            ((b.instructions as f64).ln() - (a.instructions as f64).ln()) / ((b.n as f64).ln() - (a.n as f64).ln());
        assert!(raw < 0.7, "{raw}");
        assert_eq!(fit(&pts).growth, Growth::Linear);
    }

    #[test]
    fn mixtures_go_to_the_dominant_term() {
        let mostly_sort = fit(&series(3e6, |n| 100.0 * n + 60.0 * n * n.ln()));
        assert_eq!(mostly_sort.growth, Growth::NLogN, "{mostly_sort:?}");
        let mostly_quadratic = fit(&series(3e6, |n| 2000.0 * n + 2.0 * n * n));
        assert_eq!(mostly_quadratic.growth, Growth::Quadratic, "{mostly_quadratic:?}");
    }

    #[test]
    fn flat_and_short_curves() {
        assert_eq!(fit(&series(5e6, |_| 0.0)).growth, Growth::Constant);
        assert_eq!(fit(&series(5e6, |n| n * 0.001)).growth, Growth::Constant);
        let log = fit(&series(5e6, |n| 1e5 * n.ln()));
        assert_eq!(log.growth, Growth::Constant, "{log:?}");
        assert_eq!(fit(&[]).growth, Growth::Constant);
        // Truncated after two sizes: the plain slope decides.
        let two = &series(0.0, |n| n * n)[..2];
        let f = fit(two);
        assert_eq!(f.growth, Growth::Quadratic);
        assert!((f.exponent - 2.0).abs() < 0.01);
    }

    #[test]
    fn uneven_sizes_fit_too() {
        let pts: Vec<ScalingPoint> = [500u64, 1500, 2000, 7000, 9000]
            .iter()
            .map(|&n| ScalingPoint { n, instructions: 1_000_000 + 7 * n * n })
            .collect();
        let f = fit(&pts);
        assert_eq!(f.growth, Growth::Quadratic);
        assert!((f.exponent - 2.0).abs() < 0.01, "{f:?}");
    }

    #[test]
    fn the_same_points_give_the_same_fit() {
        let pts = series(1e6, |n| 50.0 * n * n.ln() + 10.0 * n);
        assert_eq!(fit(&pts), fit(&pts));
    }

    #[test]
    fn generator_failures_are_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("ok.py"), "import sys\nprint(sys.argv[1])\n").unwrap();
        std::fs::write(dir.path().join("bad.py"), "raise SystemExit('no such size')\n").unwrap();
        std::fs::write(dir.path().join("quiet.py"), "pass\n").unwrap();
        let series = |g: &str| Scaling { sizes: vec![1, 2, 3, 4], generator: g.into() };
        let ok = generate(dir.path(), &series("ok.py")).unwrap();
        assert_eq!(ok.iter().map(|i| (i.n, &*i.input)).collect::<Vec<_>>()[1], (2, &b"2\n"[..]));
        let e = generate(dir.path(), &series("bad.py")).unwrap_err().to_string();
        assert!(e.contains("bad.py") && e.contains("no such size"), "{e}");
        let e = generate(dir.path(), &series("quiet.py")).unwrap_err().to_string();
        assert!(e.contains("printed nothing"), "{e}");
    }
}
