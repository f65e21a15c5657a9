//! Helpers shared by the cross-crate tests in this folder.
//!
//! [`blocks`] extracts fenced code blocks from lesson Markdown (the format is described in
//! `content/README.md`); `tests/lesson_code.rs` uses it to compile and run every `go` and `rust`
//! block.

pub mod blocks {
    /// One fenced code block of a lesson.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Block {
        /// 1-based line of the opening fence in the file.
        pub line: usize,
        /// First word of the info string (`go`, `rust`, `output`, …); empty if none.
        pub lang: String,
        /// The remaining words of the info string (`test`, `norun`, `fragment`, …).
        pub flags: Vec<String>,
        /// The block's content, each line ending in `\n`.
        pub code: String,
        /// False if the file ended before the closing fence.
        pub closed: bool,
    }

    impl Block {
        pub fn has_flag(&self, flag: &str) -> bool {
            self.flags.iter().any(|f| f == flag)
        }
    }

    /// A code block together with the ```` ```output ```` block that follows it, if the very next
    /// fenced block in the file is one.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Paired {
        pub block: Block,
        pub output: Option<Block>,
    }

    /// Number of lines taken by TOML front matter (`+++` … `+++`) at the start of `text`, including
    /// both delimiter lines; 0 if the file has none. An unterminated front matter swallows the file.
    pub fn front_matter_lines(text: &str) -> usize {
        let mut lines = text.split('\n');
        match lines.next() {
            Some(first) if first.trim_end() == "+++" => {}
            _ => return 0,
        }
        for (i, line) in lines.enumerate() {
            if line.trim_end() == "+++" {
                return i + 2;
            }
        }
        text.split('\n').count()
    }

    struct Fence {
        ch: char,
        len: usize,
        indent: usize,
    }

    /// Recognises an opening fence (CommonMark: at most 3 spaces of indentation relative to its
    /// container; we accept deeper indentation so fences inside list items are found too).
    fn opening_fence(line: &str) -> Option<(Fence, &str)> {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let rest = &line[indent..];
        let ch = rest.chars().next()?;
        if ch != '`' && ch != '~' {
            return None;
        }
        let len = rest.len() - rest.trim_start_matches(ch).len();
        if len < 3 {
            return None;
        }
        let info = rest[len..].trim();
        if ch == '`' && info.contains('`') {
            return None; // not a fence: an inline code span like ```x```
        }
        Some((Fence { ch, len, indent }, info))
    }

    fn closes(fence: &Fence, line: &str) -> bool {
        let t = line.trim_start_matches(' ');
        if line.len() - t.len() > fence.indent.max(3) {
            return false;
        }
        let n = t.len() - t.trim_start_matches(fence.ch).len();
        n >= fence.len && t[n..].trim().is_empty()
    }

    /// Every fenced code block of a lesson file, front matter skipped.
    pub fn extract(text: &str) -> Vec<Block> {
        let skip = front_matter_lines(text);
        let lines: Vec<&str> = text.split('\n').collect();
        let mut out = Vec::new();
        let mut i = skip;
        while i < lines.len() {
            let line = lines[i].strip_suffix('\r').unwrap_or(lines[i]);
            let Some((fence, info)) = opening_fence(line) else {
                i += 1;
                continue;
            };
            let mut words = info.split_whitespace().map(str::to_owned);
            let lang = words.next().unwrap_or_default();
            let flags: Vec<String> = words.collect();
            let start = i;
            let mut code = String::new();
            let mut closed = false;
            i += 1;
            while i < lines.len() {
                let l = lines[i].strip_suffix('\r').unwrap_or(lines[i]);
                if closes(&fence, l) {
                    closed = true;
                    i += 1;
                    break;
                }
                // The last element of split('\n') is what follows the final newline.
                if i + 1 == lines.len() && l.is_empty() {
                    i += 1;
                    break;
                }
                // Content loses up to the fence's own indentation.
                let strip = l.len() - l.trim_start_matches(' ').len();
                code.push_str(&l[strip.min(fence.indent)..]);
                code.push('\n');
                i += 1;
            }
            out.push(Block { line: start + 1, lang, flags, code, closed });
        }
        out
    }

    /// Pairs every block with the ```` ```output ```` block immediately after it (prose between
    /// them is allowed; another fenced block between them is not). Output blocks that were paired
    /// are not returned on their own.
    pub fn pair(blocks: Vec<Block>) -> Vec<Paired> {
        let mut out: Vec<Paired> = Vec::new();
        for b in blocks {
            if b.lang == "output"
                && let Some(prev) = out.last_mut()
                && prev.output.is_none()
                && prev.block.lang != "output"
            {
                prev.output = Some(b);
                continue;
            }
            out.push(Paired { block: b, output: None });
        }
        out
    }

    /// Normalises program output for comparison: trailing whitespace of every line and trailing
    /// blank lines are ignored.
    pub fn normalize_output(s: &str) -> String {
        let mut lines: Vec<&str> = s.lines().map(str::trim_end).collect();
        while lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        lines.join("\n")
    }

    /// The Go package name of a source file (`package x`), if any.
    pub fn go_package(code: &str) -> Option<&str> {
        code.lines()
            .map(str::trim)
            .find_map(|l| l.strip_prefix("package "))
            .map(|rest| rest.split_whitespace().next().unwrap_or(""))
    }

    pub fn go_has_main(code: &str) -> bool {
        code.lines().any(|l| l.starts_with("func main()"))
    }

    pub fn rust_has_main(code: &str) -> bool {
        code.lines().any(|l| {
            let l = l.trim_start();
            l.starts_with("fn main(") || l.starts_with("pub fn main(")
        })
    }

    /// First line where `got` and `want` (both normalised) differ, for error messages.
    pub fn first_difference(got: &str, want: &str) -> String {
        let (g, w): (Vec<&str>, Vec<&str>) = (got.lines().collect(), want.lines().collect());
        for i in 0..g.len().max(w.len()) {
            let (a, b) = (g.get(i), w.get(i));
            if a != b {
                let show = |x: Option<&&str>| x.map_or("<end of output>".to_owned(), |s| format!("{s:?}"));
                return format!("output line {}: got {}, want {}", i + 1, show(a), show(b));
            }
        }
        "outputs equal".to_owned()
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn langs(text: &str) -> Vec<(usize, String)> {
            extract(text).into_iter().map(|b| (b.line, b.lang)).collect()
        }

        #[test]
        fn skips_front_matter_even_with_fences_inside_strings() {
            let text = "+++\nid = \"x\"\n[[questions]]\nanswer = \"\"\"\n```go\npackage main\n```\n\"\"\"\n+++\n\nBody\n\n```rust\nfn main() {}\n```\n";
            assert_eq!(front_matter_lines(text), 9);
            assert_eq!(langs(text), vec![(13, "rust".to_owned())]);
        }

        #[test]
        fn no_front_matter() {
            assert_eq!(front_matter_lines("# Title\n+++\n"), 0);
            assert_eq!(langs("```go\nx\n```\n"), vec![(1, "go".to_owned())]);
        }

        #[test]
        fn info_string_flags_and_content() {
            let b = &extract("text\n\n```go test\npackage p\n\nfunc f() {}\n```\n")[0];
            assert_eq!(b.lang, "go");
            assert_eq!(b.flags, vec!["test"]);
            assert!(b.has_flag("test"));
            assert_eq!(b.code, "package p\n\nfunc f() {}\n");
            assert!(b.closed);
            assert_eq!(b.line, 3);
        }

        #[test]
        fn tilde_fences() {
            let text = "~~~go\nA\n```\nB\n~~~\n~~~~ rust fragment\nC\n~~~~\n";
            let bs = extract(text);
            assert_eq!(bs.len(), 2);
            assert_eq!(bs[0].code, "A\n```\nB\n");
            assert_eq!(bs[1].lang, "rust");
            assert_eq!(bs[1].flags, vec!["fragment"]);
            assert_eq!(bs[1].code, "C\n");
        }

        #[test]
        fn nested_backticks_do_not_close_a_longer_fence() {
            let text = "````markdown\n```go\npackage main\n```\n````\n\n```go\npackage q\n```\n";
            let bs = extract(text);
            assert_eq!(bs.len(), 2, "{bs:?}");
            assert_eq!(bs[0].lang, "markdown");
            assert_eq!(bs[0].code, "```go\npackage main\n```\n");
            assert_eq!((bs[1].line, bs[1].lang.as_str()), (7, "go"));
        }

        #[test]
        fn inline_triple_backticks_are_not_fences() {
            assert!(extract("Write ```go``` to start a block.\n").is_empty());
        }

        #[test]
        fn closing_fence_may_be_longer_but_not_shorter_or_with_text() {
            let bs = extract("````go\na\n```\nb\n``` x\n`````\n");
            assert_eq!(bs.len(), 1);
            assert_eq!(bs[0].code, "a\n```\nb\n``` x\n");
        }

        #[test]
        fn unclosed_fence_runs_to_end() {
            let bs = extract("```go\npackage main\n");
            assert_eq!(bs.len(), 1);
            assert!(!bs[0].closed);
            assert_eq!(bs[0].code, "package main\n");
        }

        #[test]
        fn indented_fence_in_list_item() {
            let bs = extract("1. Step\n\n   ```go\n   package main\n     x\n   ```\n");
            assert_eq!(bs.len(), 1);
            assert_eq!(bs[0].code, "package main\n  x\n");
        }

        #[test]
        fn crlf_line_endings() {
            let bs = extract("```go\r\npackage main\r\n```\r\n");
            assert_eq!(bs.len(), 1);
            assert_eq!(bs[0].code, "package main\n");
            assert!(bs[0].closed);
        }

        #[test]
        fn output_pairs_with_the_block_just_before() {
            let text = "```go\nP1\n```\n\nIt prints:\n\n```output\n1\n```\n\n```go\nP2\n```\n```rust\nR\n```\n```output\n2\n```\n```output\norphan\n```\n";
            let ps = pair(extract(text));
            assert_eq!(ps.len(), 4, "{ps:?}");
            assert_eq!(ps[0].output.as_ref().map(|o| o.code.as_str()), Some("1\n"));
            assert_eq!(ps[1].block.code, "P2\n");
            assert!(ps[1].output.is_none(), "P2's next block is rust, not output");
            assert_eq!(ps[2].output.as_ref().map(|o| o.code.as_str()), Some("2\n"));
            assert_eq!(ps[3].block.lang, "output");
            assert!(ps[3].output.is_none());
        }

        #[test]
        fn output_normalisation() {
            assert_eq!(normalize_output("a  \nb\t\n\n\n"), "a\nb");
            assert_eq!(normalize_output("a\r\nb\r\n"), "a\nb");
            assert_ne!(normalize_output(" a"), normalize_output("a"));
            assert_eq!(first_difference("a\nb", "a\nc"), "output line 2: got \"b\", want \"c\"");
            assert_eq!(first_difference("a", "a\nc"), "output line 2: got <end of output>, want \"c\"");
        }

        #[test]
        fn detects_package_and_main() {
            let go = "// Package doc.\npackage main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println()\n}\n";
            assert_eq!(go_package(go), Some("main"));
            assert!(go_has_main(go));
            assert!(!go_has_main("package main\n\nfunc mainly() {}\n"));
            assert_eq!(go_package("package ring // ring buffers\n"), Some("ring"));
            assert!(rust_has_main("use std::io;\n\nfn main() {\n}\n"));
            assert!(!rust_has_main("pub fn add(a: i32) -> i32 { a }\n"));
        }
    }
}
