//! Reading an export: the only place that decides whether a file is one, and the words used
//! when it is not. Nothing is written until a file has passed every check here.

use domain::{Id, NOTE_MAX_BYTES};

use crate::document::{Document, FORMAT, Settings, VERSION};

/// The largest file an import accepts. A year of daily study is well under 1 MiB; the margin is
/// for code-heavy submission histories.
pub const MAX_IMPORT_BYTES: usize = 8 * 1024 * 1024;

/// Longest content id accepted (the course's own limit).
pub const MAX_ID_CHARS: usize = Id::MAX_LEN;

/// Why a file cannot be imported, in words for the learner.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("This is not a Prep export (not JSON: {0}). Choose the .json file that \"Export my data\" downloaded.")]
    NotJson(String),
    #[error("This is not a Prep export: {0}.")]
    NotAnExport(String),
    #[error("This export was made by a newer Prep (version {0}); this server reads up to {VERSION}.")]
    TooNew(u64),
    #[error("This export is too large ({0} bytes); the limit is {MAX_IMPORT_BYTES} bytes.")]
    TooLarge(usize),
    #[error("This export is damaged: {path}: {reason}")]
    BadField { path: String, reason: String },
}

fn bad(path: impl Into<String>, reason: impl std::fmt::Display) -> ParseError {
    ParseError::BadField { path: path.into(), reason: reason.to_string() }
}

/// Reads an export, checking in order: size, JSON, the `format` tag, the version, then every
/// field (types and domain values, with the path of the first bad one), then what types cannot
/// say (ids, a lesson's status against its times, ranges).
pub fn parse(bytes: &[u8]) -> Result<Document, ParseError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ParseError::TooLarge(bytes.len()));
    }
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| ParseError::NotJson(e.to_string()))?;
    let Some(object) = value.as_object() else {
        return Err(ParseError::NotAnExport("the file holds JSON, but not an object".into()));
    };
    match object.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        Some(other) => {
            let shown: String = other.chars().take(40).collect();
            return Err(ParseError::NotAnExport(format!("its \"format\" is {shown:?}, not {FORMAT:?}")));
        }
        None => return Err(ParseError::NotAnExport(format!("it has no \"format\": {FORMAT:?}"))),
    }
    match object.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v > u64::from(VERSION) => return Err(ParseError::TooNew(v)),
        Some(v) if v >= 1 => {}
        _ => return Err(ParseError::NotAnExport("its \"version\" is missing or not a positive whole number".into())),
    }
    if let Some(path) = nul_at(&value, String::new()) {
        return Err(bad(path, "contains a NUL character, which no field may hold"));
    }
    let document: Document = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        bad(if path == "." { "the document".to_string() } else { path }, e.inner())
    })?;
    check(&document)?;
    Ok(document)
}

/// The path of the first string (or key) holding a NUL character: no field of Prep's may hold
/// one, and Postgres cannot store one in text.
fn nul_at(value: &serde_json::Value, path: String) -> Option<String> {
    match value {
        serde_json::Value::String(s) if s.contains('\0') => Some(if path.is_empty() { ".".into() } else { path }),
        serde_json::Value::Array(items) => {
            items.iter().enumerate().find_map(|(i, v)| nul_at(v, format!("{path}[{i}]")))
        }
        serde_json::Value::Object(fields) => fields.iter().find_map(|(k, v)| {
            let here = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
            if k.contains('\0') { Some(here) } else { nul_at(v, here) }
        }),
        _ => None,
    }
}

fn check_id(path: String, id: &str) -> Result<(), ParseError> {
    Id::parse(id).map(|_| ()).map_err(|e| bad(path, e))
}

/// What the types cannot check.
fn check(d: &Document) -> Result<(), ParseError> {
    let retention = d.settings.desired_retention;
    if !Settings::RETENTION_RANGE.contains(&retention) {
        return Err(bad("settings.desired_retention", format!("{retention} is outside 0.7–0.97")));
    }
    if let Some(last) = &d.last_lesson {
        check_id("last_lesson.lesson_id".into(), &last.lesson_id)?;
    }
    for (i, l) in d.lessons.iter().enumerate() {
        check_id(format!("lessons[{i}].lesson_id"), &l.lesson_id)?;
        let done = l.status == domain::LessonStatus::Done;
        if done != l.done_at.is_some() {
            let reason = if done { "a done lesson needs done_at" } else { "a started lesson has no done_at" };
            return Err(bad(format!("lessons[{i}].done_at"), reason));
        }
    }
    for (i, a) in d.answers.iter().enumerate() {
        check_id(format!("answers[{i}].question_id"), &a.question_id)?;
    }
    for (i, r) in d.ratings.iter().enumerate() {
        check_id(format!("ratings[{i}].question_id"), &r.question_id)?;
    }
    for (i, c) in d.review_cards.iter().enumerate() {
        check_id(format!("review_cards[{i}].card_id"), &c.card_id)?;
        if c.stability.is_some() != c.difficulty.is_some() {
            return Err(bad(format!("review_cards[{i}]"), "stability and difficulty come together"));
        }
        if c.reps < 0 || c.lapses < 0 {
            return Err(bad(format!("review_cards[{i}]"), "reps and lapses cannot be negative"));
        }
    }
    for (i, r) in d.review_log.iter().enumerate() {
        check_id(format!("review_log[{i}].card_id"), &r.card_id)?;
    }
    for (i, n) in d.notes.iter().enumerate() {
        check_id(format!("notes[{i}].target_id"), &n.target_id)?;
        if n.body.len() > NOTE_MAX_BYTES {
            return Err(bad(format!("notes[{i}].body"), format!("longer than {NOTE_MAX_BYTES} bytes")));
        }
    }
    for (i, b) in d.bookmarks.iter().enumerate() {
        check_id(format!("bookmarks[{i}].target_id"), &b.target_id)?;
    }
    for (i, s) in d.submissions.iter().enumerate() {
        check_id(format!("submissions[{i}].problem_id"), &s.problem_id)?;
        if let Some(result) = &s.result
            && result.verdict != s.verdict
        {
            return Err(bad(format!("submissions[{i}].verdict"), "differs from its result's verdict"));
        }
    }
    for (i, s) in d.drafts.iter().enumerate() {
        check_id(format!("drafts[{i}].problem_id"), &s.problem_id)?;
    }
    for (i, p) in d.demo_predictions.iter().enumerate() {
        check_id(format!("demo_predictions[{i}].demo_id"), &p.demo_id)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{LessonRecord, Settings};

    fn sample() -> Document {
        let mut d = Document::new(1_700_000_000, Some("ada".into()), Settings::DEFAULT);
        d.lessons.push(LessonRecord {
            lesson_id: "go-work-stealing".into(),
            status: domain::LessonStatus::Done,
            started_at: 10,
            done_at: Some(20),
        });
        d
    }

    #[test]
    fn a_written_document_reads_back_the_same() {
        let d = sample();
        assert_eq!(parse(d.to_json().as_bytes()), Ok(d));
    }

    #[test]
    fn files_that_are_not_exports_say_so() {
        let json = sample().to_json();
        let truncated = parse(&json.as_bytes()[..json.len() / 2]).unwrap_err();
        assert!(matches!(truncated, ParseError::NotJson(_)), "{truncated}");
        assert!(truncated.to_string().starts_with("This is not a Prep export (not JSON"), "{truncated}");

        let foreign = parse(br#"{"format": "anki-deck", "version": 1}"#).unwrap_err();
        assert!(foreign.to_string().contains("not a Prep export"), "{foreign}");
        assert!(parse(b"[1, 2]").unwrap_err().to_string().contains("not a Prep export"));

        let newer = json.replacen("\"version\": 1", "\"version\": 7", 1);
        assert_eq!(
            parse(newer.as_bytes()).unwrap_err().to_string(),
            "This export was made by a newer Prep (version 7); this server reads up to 1."
        );
        assert_eq!(parse(&vec![b' '; MAX_IMPORT_BYTES + 1]), Err(ParseError::TooLarge(MAX_IMPORT_BYTES + 1)));
    }

    #[test]
    fn a_bad_value_is_named_by_its_path() {
        let json = sample().to_json().replacen("\"done\"", "\"finished\"", 1);
        let e = parse(json.as_bytes()).unwrap_err().to_string();
        assert!(e.contains("lessons[0].status"), "{e}");
        assert!(e.contains("unknown lesson status \"finished\""), "{e}");

        let json = sample().to_json().replacen("\"done_at\": 20", "\"done_at\": null", 1);
        let e = parse(json.as_bytes()).unwrap_err().to_string();
        assert!(e.contains("lessons[0].done_at: a done lesson needs done_at"), "{e}");

        let json = sample().to_json().replacen("go-work-stealing", "Go Work Stealing", 1);
        let e = parse(json.as_bytes()).unwrap_err().to_string();
        assert!(e.contains("lessons[0].lesson_id"), "{e}");

        let json = sample().to_json().replacen("\"desired_retention\": 0.9", "\"desired_retention\": 2.0", 1);
        assert!(parse(json.as_bytes()).unwrap_err().to_string().contains("settings.desired_retention"));
    }

    #[test]
    fn a_nul_character_anywhere_is_refused_with_its_path() {
        let json = sample().to_json().replacen("\"go-work-stealing\"", "\"go-work\\u0000stealing\"", 1);
        let e = parse(json.as_bytes()).unwrap_err().to_string();
        assert_eq!(
            e,
            "This export is damaged: lessons[0].lesson_id: contains a NUL character, which no field may hold"
        );
    }
}
