//! The question cards as Anki's "notes in plain text" import: a few `#key:value` header lines,
//! then one note per line, fields separated by tabs.
//!
//! Anki's rule for a field holding the separator, a line break or a double quote is CSV's: wrap
//! it in double quotes and double the quotes inside. Line breaks are written as the HTML
//! character reference `&#10;` instead (the fields are HTML, where it means the same — inside
//! `<pre>` too), so every note is exactly one line and the file survives tools that split lines.
//! The question id is the note's GUID: importing a newer file updates the cards instead of
//! adding duplicates.

/// One note: a question card.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub guid: String,
    pub front_html: String,
    pub back_html: String,
    /// Anki tags are space-separated, so any whitespace inside one becomes `_`.
    pub tags: Vec<String>,
}

/// The deck Anki files the notes under.
pub const DECK: &str = "Prep";

/// The whole file.
pub fn write(notes: &[Note]) -> String {
    let mut out = String::from(concat!(
        "#separator:tab\n",
        "#html:true\n",
        "#notetype:Basic\n",
        "#deck:Prep\n",
        "#guid column:1\n",
        "#tags column:4\n",
        "#columns:GUID\tFront\tBack\tTags\n",
    ));
    for note in notes {
        let tags: Vec<String> = note.tags.iter().map(|t| t.split_whitespace().collect::<Vec<_>>().join("_")).collect();
        let fields = [field(&note.guid), field(&note.front_html), field(&note.back_html), field(&tags.join(" "))];
        out.push_str(&fields.join("\t"));
        out.push('\n');
    }
    out
}

/// One field, escaped as described at the top.
fn field(html: &str) -> String {
    let flat = html.replace("\r\n", "\n").replace('\r', "\n").replace('\n', "&#10;").replace('\t', "&#9;");
    if flat.contains('"') { format!("\"{}\"", flat.replace('"', "\"\"")) } else { flat }
}

/// Plain text (a learner's own answer) as HTML for a field.
pub fn text_to_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_note_is_one_line_with_its_fields_escaped() {
        let note = Note {
            guid: "q-1".into(),
            front_html: "<p>Why \"tabs\"\tand\nlines?</p>".into(),
            back_html: "<pre>a\nb</pre>".into(),
            tags: vec!["go-runtime".into(), "two words".into()],
        };
        let file = write(&[note.clone(), note]);
        let lines: Vec<&str> = file.lines().collect();
        assert_eq!(lines.iter().filter(|l| l.starts_with('#')).count(), 7);
        let notes: Vec<&&str> = lines.iter().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(notes.len(), 2);
        let fields: Vec<&str> = notes[0].split('\t').collect();
        assert_eq!(fields.len(), 4, "tabs inside fields are escaped: {}", notes[0]);
        assert_eq!(fields[1], "\"<p>Why \"\"tabs\"\"&#9;and&#10;lines?</p>\"");
        assert_eq!(fields[2], "<pre>a&#10;b</pre>");
        assert_eq!(fields[3], "go-runtime two_words");
    }

    #[test]
    fn own_answers_are_escaped_text() {
        assert_eq!(text_to_html("a < b & \"c\"\nd"), "a &lt; b &amp; &quot;c&quot;<br>d");
    }
}
