//! The compiler is an attack surface: each of these ends in a clean verdict, leaks nothing, and
//! leaves the judge healthy (the next submission is judged normally).

use sandbox::jail::{Jail, JailLimits};
use sandbox::{Language, Verdict};

use crate::{describe, lcs_samples, repo_root};

const RUST_AC: &str = include_str!("../../../content/problems/lcs/solutions/ref.rs");

/// Text that must never show up in anything a learner sees.
fn assert_no_leak(r: &sandbox::Report, secrets: &[&str]) {
    let mut seen = r.message.clone().unwrap_or_default();
    for t in &r.tests {
        seen.push_str(&t.detail.clone().unwrap_or_default());
        if let Some(io) = &t.sample_io {
            seen.push_str(&io.actual);
        }
    }
    for s in secrets {
        assert!(!seen.contains(s), "leaked {s:?}: {seen}");
    }
}

fn hidden_test_path() -> String {
    repo_root().join("content/problems/lcs/tests/09.in").canonicalize().unwrap().display().to_string()
}

fn hidden_test_head() -> String {
    let text = std::fs::read_to_string(hidden_test_path()).unwrap();
    text[..40].to_owned()
}

fn healthy() {
    let r = lcs_samples(Language::Rust, &format!("{RUST_AC}\n// after an attack\n"));
    assert_eq!(r.verdict, Verdict::AC, "judge unhealthy: {}", describe(&r));
}

#[test]
fn include_str_of_etc_passwd() {
    let r = lcs_samples(
        Language::Rust,
        r#"const P: &str = include_str!("/etc/passwd"); fn lcs(_a: &str, _b: &str) -> i32 { print!("{P}"); 0 }"#,
    );
    assert_eq!(r.verdict, Verdict::CE, "{}", describe(&r));
    assert_no_leak(&r, &["root:"]);
    healthy();
}

#[test]
fn include_bytes_of_a_hidden_test() {
    let src = format!(
        r#"const T: &[u8] = include_bytes!("{}"); fn lcs(_a: &str, _b: &str) -> i32 {{ print!("{{}}", String::from_utf8_lossy(T)); 0 }}"#,
        hidden_test_path()
    );
    let r = lcs_samples(Language::Rust, &src);
    assert_eq!(r.verdict, Verdict::CE, "{}", describe(&r));
    assert_no_leak(&r, &[&hidden_test_head()]);
    // A relative path from the compile dir cannot reach it either.
    let r = lcs_samples(
        Language::Rust,
        r#"const T: &[u8] = include_bytes!("../../work/main/content/problems/lcs/tests/09.in"); fn lcs(_a: &str, _b: &str) -> i32 { T.len() as i32 }"#,
    );
    assert_eq!(r.verdict, Verdict::CE, "{}", describe(&r));
}

#[test]
fn env_home() {
    let r = lcs_samples(Language::Rust, r#"fn lcs(_a: &str, _b: &str) -> i32 { print!("{}", env!("HOME")); 0 }"#);
    assert_eq!(r.verdict, Verdict::CE, "{}", describe(&r));
    let msg = r.message.unwrap_or_default();
    assert!(msg.contains("HOME") && msg.contains("not defined"), "{msg}");
}

#[test]
fn path_attribute_outside_the_jail() {
    let r = lcs_samples(Language::Rust, "#[path = \"/etc/passwd\"] mod x;\nfn lcs(_a: &str, _b: &str) -> i32 { 0 }");
    assert_eq!(r.verdict, Verdict::CE, "{}", describe(&r));
    assert_no_leak(&r, &["root:", "/bin/bash", "nologin"]);
    healthy();
}

#[test]
fn const_eval_loop() {
    let r = lcs_samples(
        Language::Rust,
        "const X: u64 = { let mut i: u64 = 0; loop { i = i.wrapping_add(1); if i == 0 { break i; } } };\nfn lcs(_a: &str, _b: &str) -> i32 { X as i32 }",
    );
    assert_eq!(r.verdict, Verdict::CE, "{}", describe(&r));
    healthy();
}

#[test]
fn one_gib_static_array() {
    let r = lcs_samples(
        Language::Rust,
        "static mut BIG: [u8; 1 << 30] = [1; 1 << 30];\nfn lcs(a: &str, _b: &str) -> i32 { unsafe { BIG[a.len()] as i32 } }",
    );
    // The compiler runs out of memory (CE) or the module needs more memory than allowed (MLE).
    assert!(matches!(r.verdict, Verdict::CE | Verdict::MLE), "{}", describe(&r));
    healthy();
}

#[test]
fn go_embed() {
    let src = "package main\n\nimport _ \"embed\"\n\n//go:embed ../../../etc/passwd\nvar p string\n\nfunc lcs(a, b string) int {\n\tprint(p)\n\treturn 0\n}\n";
    let r = lcs_samples(Language::Go, src);
    assert_eq!(r.verdict, Verdict::CE, "{}", describe(&r));
    assert_no_leak(&r, &["root:"]);
}

#[test]
fn go_linkname_into_the_runtime() {
    // A pull linkname of a runtime internal. Go 1.27 still allows runtime.throw; whatever it
    // reaches stays inside the wasm sandbox, so the outcome is a CE or an ordinary RE.
    let src = "package main\n\nimport _ \"unsafe\"\n\n//go:linkname throw runtime.throw\nfunc throw(s string)\n\nfunc lcs(a, b string) int {\n\tthrow(\"pwned\")\n\treturn 0\n}\n";
    let r = lcs_samples(Language::Go, src);
    assert!(matches!(r.verdict, Verdict::CE | Verdict::RE), "{}", describe(&r));
    let src = "package main\n\nimport (\n\t_ \"unsafe\"\n)\n\n//go:linkname nanotime runtime.nanotime\nfunc nanotime() int64 { return 0 }\n\nfunc lcs(a, b string) int {\n\treturn int(nanotime())\n}\n";
    let r = lcs_samples(Language::Go, src);
    assert!(matches!(r.verdict, Verdict::CE | Verdict::WA), "{}", describe(&r));
}

#[test]
fn programs_see_no_files_env_or_args() {
    let src = r#"package main

import (
	"fmt"
	"os"
)

func lcs(a, b string) int {
	_, err := os.ReadFile("/etc/passwd")
	fmt.Fprintln(os.Stderr, err)
	if err == nil || len(os.Environ()) != 0 || len(os.Args) != 1 {
		return -1
	}
	if _, err := os.ReadDir("."); err == nil {
		return -2
	}
	return len(a)
}
"#;
    let r = crate::lcs_samples(Language::Go, src);
    // len(a) is not the answer: WA, but only after every check passed (else -1 / -2).
    assert_eq!(r.verdict, Verdict::WA, "{}", describe(&r));
    assert_eq!(r.tests[0].sample_io.as_ref().unwrap().actual.trim(), "5");
}

#[test]
fn jail_blocks_reads_outside_the_toolchain_and_work_dir() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mine.txt"), "inside").unwrap();
    let jail = Jail::new(&["/usr/bin".into(), "/bin".into()]);
    let limits = JailLimits::default();
    let out = jail.run("/usr/bin/cat".as_ref(), &["/etc/passwd"], &[], dir.path(), &limits, None).unwrap();
    assert!(!out.success && !out.output.contains("root:"), "{out:?}");
    let secret = repo_root().join("content/problems/lcs/tests/09.in");
    let out = jail.run("/usr/bin/cat".as_ref(), &[secret.to_str().unwrap()], &[], dir.path(), &limits, None).unwrap();
    assert!(!out.success && out.output.contains("Permission denied"), "{out:?}");
    let out = jail.run("/usr/bin/cat".as_ref(), &["mine.txt"], &[], dir.path(), &limits, None).unwrap();
    assert!(out.success && out.output.contains("inside"), "{out:?}");
    // The environment is empty unless the caller names variables.
    let out = jail.run("/usr/bin/env".as_ref(), &[], &[("ONLY", "this")], dir.path(), &limits, None).unwrap();
    assert_eq!(out.output.trim(), "ONLY=this");
}

#[test]
fn jail_enforces_wall_clock_and_memory() {
    let dir = tempfile::tempdir().unwrap();
    let jail = Jail::new(&["/usr/bin".into(), "/bin".into()]);
    let limits = JailLimits { wall: std::time::Duration::from_millis(300), ..JailLimits::default() };
    let out = jail.run("/usr/bin/sleep".as_ref(), &["5"], &[], dir.path(), &limits, None).unwrap();
    assert!(out.timed_out && !out.success && out.elapsed.as_secs() < 3, "{out:?}");
    let limits = JailLimits { address_space_bytes: 256 << 20, ..JailLimits::default() };
    let py = ["-c", "print('started'); x = bytearray(1 << 30)"];
    let out = jail.run("/usr/bin/python3".as_ref(), &py, &[], dir.path(), &limits, None).unwrap();
    assert!(!out.success && out.output.contains("MemoryError"), "{out:?}");
}
