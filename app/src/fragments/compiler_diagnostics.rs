//! Compiler errors located in the learner's own file, for the editor's gutter markers: rustc's
//! `error…` line followed by ` --> solution.rs:LINE:COL`, and Go's `solution.go:LINE:COL: msg`.
//! Lines in the driver (the judge's own file) are left out: the learner cannot edit them.

use serde::Serialize;

use domain::Language;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    pub line: u32,
    pub column: u32,
    pub message: String,
    pub severity: &'static str,
}

/// The name the judge gives the learner's file (see `sandbox::compile`).
fn learner_file(lang: Language) -> String {
    format!("solution.{}", lang.ext())
}

pub fn parse(lang: Language, output: &str) -> Vec<Diagnostic> {
    match lang {
        Language::Rust => parse_rustc(output),
        Language::Go => parse_go(output),
    }
}

fn location(rest: &str, file: &str) -> Option<(u32, u32, String)> {
    let rest = rest.trim_start().strip_prefix("./").unwrap_or(rest.trim_start());
    let rest = rest.strip_prefix(file)?.strip_prefix(':')?;
    let mut parts = rest.splitn(3, ':');
    let line = parts.next()?.trim().parse().ok()?;
    let column = parts.next()?.trim().parse().ok()?;
    Some((line, column, parts.next().unwrap_or("").trim().to_string()))
}

fn parse_rustc(output: &str) -> Vec<Diagnostic> {
    let file = learner_file(Language::Rust);
    let mut found = Vec::new();
    let mut headline: Option<(&'static str, String)> = None;
    for line in output.lines() {
        if let Some(rest) = line.strip_prefix("error") {
            let message = rest.split_once(": ").map(|(_, m)| m.to_string()).unwrap_or_default();
            headline = (!message.is_empty()).then_some(("error", message));
        } else if let Some(rest) = line.strip_prefix("warning") {
            let message = rest.split_once(": ").map(|(_, m)| m.to_string()).unwrap_or_default();
            headline = (!message.is_empty()).then_some(("warning", message));
        } else if let Some(rest) = line.trim_start().strip_prefix("--> ")
            && let Some((line, column, _)) = location(rest, &file)
            && let Some((severity, message)) = headline.take()
        {
            found.push(Diagnostic { line, column, message, severity });
        }
    }
    found
}

fn parse_go(output: &str) -> Vec<Diagnostic> {
    let file = learner_file(Language::Go);
    output
        .lines()
        .filter_map(|l| location(l, &file))
        .filter(|(_, _, message)| !message.is_empty())
        .map(|(line, column, message)| Diagnostic { line, column, message, severity: "error" })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rustc_errors_in_the_learners_file_are_located() {
        let out = "error[E0308]: mismatched types\n --> solution.rs:2:18\n  |\n2 |     let x: i32 = \"no\";\n\
                   \nwarning: unused variable: `a`\n --> solution.rs:1:8\n\
                   error[E0425]: cannot find function `solve` in this scope\n --> main.rs:9:5\n\
                   error: aborting due to 2 previous errors\n";
        let d = parse(Language::Rust, out);
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(
            (d[0].line, d[0].column, d[0].message.as_str(), d[0].severity),
            (2, 18, "mismatched types", "error")
        );
        assert_eq!((d[1].line, d[1].severity), (1, "warning"));
    }

    #[test]
    fn go_errors_in_the_learners_file_are_located() {
        let out = "solution.go:4:9: cannot use \"x\" (untyped string constant) as int value in return statement\n\
                   ./solution.go:7:2: undefined: y\nmain.go:12:3: too many errors\nnot a location\n";
        let d = parse(Language::Go, out);
        assert_eq!(d.iter().map(|d| (d.line, d.column)).collect::<Vec<_>>(), [(4, 9), (7, 2)]);
        assert!(d[0].message.starts_with("cannot use"));
    }

    #[test]
    fn output_without_locations_gives_nothing() {
        assert!(parse(Language::Rust, "the judge timed out compiling").is_empty());
        assert!(parse(Language::Go, "solution.go:x:y: odd").is_empty());
    }
}
