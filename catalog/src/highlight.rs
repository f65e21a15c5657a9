//! Server-side syntax highlighting for fenced code blocks.
//!
//! syntect emits class names (`hl-keyword`, `hl-string`, …) rather than inline colours, so one
//! small stylesheet colours code in both light and dark mode.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use comrak::adapters::SyntaxHighlighterAdapter;
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

pub struct Highlighter;

const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// Maps the names authors write after ``` to the tokens syntect knows.
fn token_for(lang: &str) -> &str {
    match lang {
        "golang" => "go",
        "shell" | "console" | "bash" | "zsh" => "sh",
        "yml" => "yaml",
        "rs" => "rust",
        other => other,
    }
}

fn escape_into(out: &mut dyn fmt::Write, text: &str) -> fmt::Result {
    for c in text.chars() {
        match c {
            '<' => out.write_str("&lt;")?,
            '>' => out.write_str("&gt;")?,
            '&' => out.write_str("&amp;")?,
            '"' => out.write_str("&quot;")?,
            c => out.write_char(c)?,
        }
    }
    Ok(())
}

fn write_tag(out: &mut dyn fmt::Write, tag: &str, attributes: &HashMap<&'static str, Cow<'_, str>>) -> fmt::Result {
    write!(out, "<{tag}")?;
    let mut keys: Vec<_> = attributes.keys().collect();
    keys.sort();
    for key in keys {
        write!(out, " {key}=\"")?;
        escape_into(out, &attributes[key])?;
        out.write_char('"')?;
    }
    out.write_char('>')
}

impl SyntaxHighlighterAdapter for Highlighter {
    fn write_highlighted(&self, out: &mut dyn fmt::Write, lang: Option<&str>, code: &str) -> fmt::Result {
        let set = syntaxes();
        let syntax = lang.map(token_for).and_then(|t| set.find_syntax_by_token(t));
        let Some(syntax) = syntax else {
            return escape_into(out, code);
        };
        let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, set, CLASS_STYLE);
        for line in LinesWithEndings::from(code) {
            if generator.parse_html_for_line_which_includes_newline(line).is_err() {
                // A grammar failure must not lose the code: fall back to plain text.
                return escape_into(out, code);
            }
        }
        out.write_str(&generator.finalize())
    }

    fn write_pre_tag(&self, out: &mut dyn fmt::Write, attributes: HashMap<&'static str, Cow<'_, str>>) -> fmt::Result {
        // A wide block scrolls sideways; keyboard users must be able to focus it to scroll.
        let mut attributes = attributes;
        attributes.insert("tabindex", Cow::Borrowed("0"));
        write_tag(out, "pre", &attributes)
    }

    fn write_code_tag(&self, out: &mut dyn fmt::Write, attributes: HashMap<&'static str, Cow<'_, str>>) -> fmt::Result {
        write_tag(out, "code", &attributes)
    }
}
