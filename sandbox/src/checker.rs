//! Comparing a program's output with the expected output, the way the problem's manifest says
//! ([`Checker`], parsed by the catalog).

pub use catalog::problem::Checker;

/// What a checker does with outputs.
pub trait Check {
    /// Whether `actual` is an accepted answer for `expected`.
    fn accepts(&self, expected: &[u8], actual: &[u8]) -> bool;
}

impl Check for Checker {
    fn accepts(&self, expected: &[u8], actual: &[u8]) -> bool {
        let (Ok(expected), Ok(actual)) = (std::str::from_utf8(expected), std::str::from_utf8(actual)) else {
            // Non-UTF-8 output can still be byte-exact.
            return *self == Checker::Exact && expected == actual;
        };
        match self {
            Checker::Exact => lines(expected).eq(lines(actual)),
            Checker::Tokens => expected.split_ascii_whitespace().eq(actual.split_ascii_whitespace()),
            Checker::Float { abs, rel } => {
                let mut e = expected.split_ascii_whitespace();
                let mut a = actual.split_ascii_whitespace();
                loop {
                    match (e.next(), a.next()) {
                        (None, None) => return true,
                        (Some(x), Some(y)) if floats_match(x, y, *abs, *rel) => {}
                        _ => return false,
                    }
                }
            }
            Checker::Unordered => {
                let mut e: Vec<&str> = lines(expected).collect();
                let mut a: Vec<&str> = lines(actual).collect();
                e.sort_unstable();
                a.sort_unstable();
                e == a
            }
        }
    }
}

/// Lines with trailing whitespace removed, without trailing empty lines.
fn lines(s: &str) -> impl Iterator<Item = &str> {
    let trimmed = s.trim_end();
    let empty = trimmed.is_empty();
    trimmed.lines().map(str::trim_end).filter(move |_| !empty)
}

fn floats_match(expected: &str, actual: &str, abs: f64, rel: f64) -> bool {
    if expected == actual {
        return true;
    }
    match (expected.parse::<f64>(), actual.parse::<f64>()) {
        (Ok(e), Ok(a)) if e.is_finite() && a.is_finite() => {
            let diff = (e - a).abs();
            diff <= abs || diff <= rel * e.abs()
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_ignores_trailing_whitespace_only() {
        let c = Checker::Exact;
        assert!(c.accepts(b"1 2\n3\n", b"1 2  \n3"));
        assert!(c.accepts(b"", b"\n\n"));
        assert!(!c.accepts(b"1 2\n3\n", b"1  2\n3\n"));
        assert!(!c.accepts(b"1\n3\n", b"1\n\n3\n"));
    }

    #[test]
    fn tokens_ignore_layout() {
        assert!(Checker::Tokens.accepts(b"1 2\n3\n", b"1\n2 3"));
        assert!(!Checker::Tokens.accepts(b"1 2 3", b"1 2"));
    }

    #[test]
    fn floats_within_tolerance() {
        let c = Checker::Float { abs: 1e-6, rel: 1e-6 };
        assert!(c.accepts(b"0.3333333 1e9", b"0.33333335 1000000500"));
        assert!(!c.accepts(b"0.5", b"0.51"));
        assert!(!c.accepts(b"0.5", b"nan"));
        assert!(!c.accepts(b"0.5 1", b"0.5"));
        assert!(c.accepts(b"yes 1.0", b"yes 1"));
    }

    #[test]
    fn unordered_lines() {
        assert!(Checker::Unordered.accepts(b"a\nb\nc\n", b"c\na\nb"));
        assert!(!Checker::Unordered.accepts(b"a\nb\nb\n", b"a\na\nb\n"));
    }
}
