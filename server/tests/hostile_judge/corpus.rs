//! The hostile corpus (`server/tests/hostile/NN-name.rs|go`): each file's header says what it
//! attempts and which outcomes are acceptable, so the expectations live next to the code.
//!
//! Header: the leading `//` comment lines, `key: value` each.
//! - `attempts:` what the submission tries (repeat the key to continue the sentence);
//! - `expect:` the acceptable verdicts, `CE | MLE`, or `refused` (the server turns it away with
//!   a 400 and a clear message before it is queued);
//! - `shows:` text the stored report must contain (proves the verdict is the intended one);
//! - `escaped:` text the program or compiler prints that the report page must show escaped;
//! - `same-output:` a group name: every member's output on the first test must be identical;
//! - `tests: all` runs every test ("Submit") instead of the samples ("Run");
//! - `pad-to:` the source is padded with comment lines to exactly this many bytes;
//! - `note:` a remark for the reader.
//!
//! Placeholders in the code, replaced before submitting (they name things only this run knows):
//! `@SECRET_FILE@`, `@SERVER_PID@`, `@SERVER_ADDR@`, `@PWNED_FILE@`, `@U+XXXX@` (a Unicode
//! character, so invisible ones stay visible in the repository), `@REPEAT:n:text@`.

use std::collections::HashMap;
use std::path::Path;

use domain::Verdict;

#[derive(Debug, Clone, PartialEq)]
pub enum Expect {
    Verdicts(Vec<Verdict>),
    Refused,
}

#[derive(Debug, Clone)]
pub struct Case {
    pub file: String,
    pub language: &'static str,
    pub attempts: String,
    pub expect: Expect,
    pub shows: Vec<String>,
    pub escaped: Vec<String>,
    pub same_output: Option<String>,
    pub all_tests: bool,
    pad_to: Option<usize>,
    template: String,
}

/// What only this run knows, for the placeholders.
pub struct Substitutions {
    pub secret_file: String,
    pub server_pid: u32,
    pub server_addr: String,
    pub pwned_file: String,
}

/// Every file of the corpus, in name order; panics with `file: reason` on a malformed header.
pub fn load(dir: &Path) -> Vec<Case> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("rs" | "go")))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{name}: {e}"));
            parse(&name, &text).unwrap_or_else(|e| panic!("{name}: {e}"))
        })
        .collect()
}

fn parse(file: &str, text: &str) -> Result<Case, String> {
    let language = match file.rsplit_once('.') {
        Some((_, "rs")) => "rust",
        Some((_, "go")) => "go",
        _ => return Err("not a .rs or .go file".into()),
    };
    let mut fields: HashMap<&str, Vec<String>> = HashMap::new();
    for line in text.lines().take_while(|l| l.starts_with("//")) {
        let line = line.trim_start_matches('/').trim();
        let (key, value) = line.split_once(':').ok_or_else(|| format!("header line without a key: {line}"))?;
        fields.entry(key.trim()).or_default().push(value.trim().to_string());
    }
    let known = ["attempts", "expect", "shows", "escaped", "same-output", "tests", "pad-to", "note"];
    if let Some(unknown) = fields.keys().find(|k| !known.contains(k)) {
        return Err(format!("unknown header key {unknown:?}"));
    }
    let one = |key: &str| -> Option<String> { fields.get(key).and_then(|v| v.first().cloned()) };
    let attempts = fields.get("attempts").map(|v| v.join(" ")).ok_or("no `attempts:` line")?;
    let expect = match one("expect").ok_or("no `expect:` line")?.as_str() {
        "refused" => Expect::Refused,
        list => Expect::Verdicts(
            list.split('|')
                .map(|v| v.trim().parse::<Verdict>().map_err(|_| format!("unknown verdict {v:?}")))
                .collect::<Result<_, _>>()?,
        ),
    };
    let pad_to = one("pad-to").map(|n| n.parse::<usize>().map_err(|e| format!("pad-to: {e}"))).transpose()?;
    let all_tests = match one("tests").as_deref() {
        None | Some("samples") => false,
        Some("all") => true,
        Some(other) => return Err(format!("tests: {other:?} is neither `all` nor `samples`")),
    };
    Ok(Case {
        file: file.to_string(),
        language,
        attempts,
        expect,
        shows: fields.get("shows").cloned().unwrap_or_default(),
        escaped: fields.get("escaped").cloned().unwrap_or_default(),
        same_output: one("same-output"),
        all_tests,
        pad_to,
        template: text.to_string(),
    })
}

impl Case {
    /// The code as submitted: placeholders replaced, padded if asked.
    pub fn source(&self, subs: &Substitutions) -> String {
        let mut source = expand(&self.template, subs).unwrap_or_else(|e| panic!("{}: {e}", self.file));
        if let Some(size) = self.pad_to {
            pad(&mut source, size).unwrap_or_else(|e| panic!("{}: {e}", self.file));
        }
        source
    }

    pub fn allows(&self, verdict: Verdict) -> bool {
        matches!(&self.expect, Expect::Verdicts(v) if v.contains(&verdict))
    }
}

fn expand(template: &str, subs: &Substitutions) -> Result<String, String> {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find('@') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let Some(end) = after.find('@') else {
            out.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let name = &after[..end];
        let replacement = match name {
            "SECRET_FILE" => subs.secret_file.clone(),
            "SERVER_PID" => subs.server_pid.to_string(),
            "SERVER_ADDR" => subs.server_addr.clone(),
            "PWNED_FILE" => subs.pwned_file.clone(),
            _ if name.starts_with("U+") => {
                let code = u32::from_str_radix(&name[2..], 16).map_err(|e| format!("@{name}@: {e}"))?;
                char::from_u32(code).ok_or_else(|| format!("@{name}@ is not a character"))?.to_string()
            }
            _ if name.starts_with("REPEAT:") => {
                let (count, text) = name["REPEAT:".len()..].split_once(':').ok_or("@REPEAT:n:text@")?;
                text.repeat(count.parse::<usize>().map_err(|e| format!("@{name}@: {e}"))?)
            }
            // Not a placeholder (Go's `//go:embed` patterns, an e-mail address…): keep the `@`.
            _ => {
                out.push('@');
                rest = after;
                continue;
            }
        };
        out.push_str(&replacement);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Appends comment lines (`//` in both languages) until the source is exactly `size` bytes.
fn pad(source: &mut String, size: usize) -> Result<(), String> {
    if source.len() + 4 > size {
        return Err(format!("already {} bytes, cannot pad to {size}", source.len()));
    }
    while source.len() < size {
        let room = size - source.len();
        // A line is `//`, filler, `\n`; the last one takes exactly what is left.
        let line = if room > 100 { 80 } else { room.saturating_sub(3) };
        source.push_str("//");
        source.push_str(&"x".repeat(line));
        source.push('\n');
        if source.len() > size {
            return Err("padding overshot".into());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subs() -> Substitutions {
        Substitutions {
            secret_file: "/s".into(),
            server_pid: 7,
            server_addr: "127.0.0.1:9".into(),
            pwned_file: "/p".into(),
        }
    }

    #[test]
    fn placeholders_expand_and_padding_is_exact() {
        let case = parse("01-x.rs", "// attempts: a\n// attempts: b\n// expect: CE | MLE\n// pad-to: 300\n@SECRET_FILE@ @SERVER_PID@ @REPEAT:3:(@ @U+202E@ a@b\n").unwrap();
        assert_eq!(case.attempts, "a b");
        assert_eq!(case.expect, Expect::Verdicts(vec![Verdict::CE, Verdict::MLE]));
        let source = case.source(&subs());
        assert_eq!(source.len(), 300);
        assert!(source.contains("/s 7 ((( \u{202e} a@b\n"), "{source}");
    }
}
