//! Splits a lesson file into its TOML front matter and its Markdown body.

use serde::Deserialize;

use domain::Id;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonMeta {
    pub id: Id,
    pub title: String,
    pub summary: String,
    pub minutes: u32,
    #[serde(default)]
    pub demos: Vec<Id>,
    #[serde(default)]
    pub problems: Vec<Id>,
    #[serde(default)]
    pub takeaways: Vec<String>,
    #[serde(default)]
    pub questions: Vec<QuestionMeta>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionMeta {
    pub id: Id,
    pub prompt: String,
    pub answer: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionMeta {
    pub id: Id,
    pub title: String,
    pub summary: String,
}

const FENCE: &str = "+++";

/// Returns `(front matter, body, line number where the body starts)`.
pub fn split(text: &str) -> Result<(&str, &str, usize), String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != FENCE {
        return Err("a lesson must start with a `+++` line opening its TOML front matter".into());
    }
    let start = first.len();
    let mut offset = start;
    for (n, line) in lines.enumerate() {
        if line.trim_end() == FENCE {
            let front = &text[start..offset];
            let body = &text[offset + line.len()..];
            return Ok((front, body, n + 3));
        }
        offset += line.len();
    }
    Err("the front matter is never closed: add a `+++` line after it".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_from_body() {
        let (front, body, line) = split("+++\nid = \"a\"\n+++\n# Hi\n").unwrap();
        assert_eq!(front, "id = \"a\"\n");
        assert_eq!(body, "# Hi\n");
        assert_eq!(line, 4);
    }

    #[test]
    fn rejects_missing_or_unclosed_fences() {
        assert!(split("# no front matter\n").unwrap_err().contains("must start"));
        assert!(split("+++\nid = \"a\"\n").unwrap_err().contains("never closed"));
    }

    #[test]
    fn unknown_keys_are_errors() {
        let err =
            toml::from_str::<LessonMeta>("id = \"a\"\ntitle = \"t\"\nsummary = \"s\"\nminutes = 3\ntitel = \"x\"")
                .unwrap_err();
        assert!(err.to_string().contains("titel"), "{err}");
    }
}
