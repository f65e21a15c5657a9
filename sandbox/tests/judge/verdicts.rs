//! Each verdict from a real compile and a real run, in both languages.

use sandbox::{Language, Verdict};

use crate::{describe, lcs_samples};

const RUST_AC: &str = include_str!("../../../content/problems/lcs/solutions/ref.rs");
const GO_AC: &str = include_str!("../../../content/problems/lcs/solutions/ref.go");

fn expect(lang: Language, src: &str, verdict: Verdict) -> sandbox::Report {
    let r = lcs_samples(lang, src);
    assert_eq!(r.verdict, verdict, "{lang}: {}", describe(&r));
    r
}

fn detail(r: &sandbox::Report) -> String {
    r.first_failure().and_then(|t| t.detail.clone()).unwrap_or_default()
}

#[test]
fn accepted_reports_instructions_and_memory() {
    for (lang, src) in [(Language::Rust, RUST_AC), (Language::Go, GO_AC)] {
        let r = expect(lang, src, Verdict::AC);
        assert_eq!(r.tests.len(), 3);
        for t in &r.tests {
            assert!(t.instructions > 1000 && t.instructions < t.instruction_limit, "{t:?}");
            assert!(t.peak_memory >= 64 << 10, "{t:?}");
        }
    }
}

#[test]
fn wrong_answer() {
    expect(Language::Rust, "fn lcs(_a: &str, _b: &str) -> i32 { 42 }", Verdict::WA);
    expect(Language::Go, "package main\n\nfunc lcs(a, b string) int { return 42 }\n", Verdict::WA);
}

#[test]
fn infinite_loop_is_tle() {
    let r = expect(
        Language::Rust,
        "fn lcs(a: &str, _b: &str) -> i32 { let mut n = a.len() as u64; loop { n = std::hint::black_box(n.wrapping_mul(3)); } }",
        Verdict::TLE,
    );
    let t = r.first_failure().expect("failure");
    assert_eq!(t.instructions, t.instruction_limit);
    expect(
        Language::Go,
        "package main\n\nfunc lcs(a, b string) int {\n\tn := 0\n\tfor {\n\t\tn++\n\t}\n}\n",
        Verdict::TLE,
    );
}

#[test]
fn allocation_bomb_is_mle() {
    expect(
        Language::Rust,
        r#"fn lcs(_a: &str, _b: &str) -> i32 {
    let mut hoard: Vec<Vec<u8>> = Vec::new();
    loop { hoard.push(vec![1u8; 16 << 20]); std::hint::black_box(&hoard); }
}"#,
        Verdict::MLE,
    );
    expect(
        Language::Go,
        r#"package main

var hoard []byte

func lcs(a, b string) int {
	hoard = make([]byte, 1<<30)
	return len(hoard)
}
"#,
        Verdict::MLE,
    );
}

#[test]
fn print_loop_is_ole() {
    expect(
        Language::Rust,
        r#"fn lcs(_a: &str, _b: &str) -> i32 { loop { println!("spam spam spam"); } }"#,
        Verdict::OLE,
    );
    expect(
        Language::Go,
        "package main\n\nimport \"fmt\"\n\nfunc lcs(a, b string) int {\n\tfor {\n\t\tfmt.Println(\"spam spam spam\")\n\t}\n}\n",
        Verdict::OLE,
    );
}

#[test]
fn panics_are_runtime_errors_with_the_message() {
    let r = expect(Language::Rust, r#"fn lcs(_a: &str, _b: &str) -> i32 { panic!("learner gave up") }"#, Verdict::RE);
    assert!(detail(&r).contains("learner gave up"), "{}", detail(&r));
    assert!(detail(&r).contains("solution.rs:1"), "names the learner's file and line: {}", detail(&r));
    let r = expect(
        Language::Go,
        "package main\n\nfunc lcs(a, b string) int {\n\tpanic(\"learner gave up\")\n}\n",
        Verdict::RE,
    );
    assert!(detail(&r).contains("learner gave up") && detail(&r).contains("exit code 2"), "{}", detail(&r));
}

#[test]
fn index_out_of_range() {
    let r = expect(
        Language::Rust,
        "fn lcs(a: &str, _b: &str) -> i32 { let v = vec![1]; v[std::hint::black_box(a.len() + 5)] }",
        Verdict::RE,
    );
    assert!(detail(&r).contains("index out of bounds"), "{}", detail(&r));
    let r = expect(
        Language::Go,
        "package main\n\nfunc lcs(a, b string) int {\n\tv := []int{1}\n\treturn v[len(a)+5]\n}\n",
        Verdict::RE,
    );
    assert!(detail(&r).contains("index out of range"), "{}", detail(&r));
}

#[test]
fn nil_dereference() {
    let r = expect(
        Language::Go,
        "package main\n\ntype node struct{ val int }\n\nvar root *node\n\nfunc lcs(a, b string) int {\n\treturn root.val\n}\n",
        Verdict::RE,
    );
    assert!(detail(&r).contains("nil pointer dereference"), "{}", detail(&r));
}

#[test]
fn deep_recursion_is_a_runtime_error() {
    let r = expect(
        Language::Rust,
        r#"fn depth(n: u64) -> u64 {
    let pad = std::hint::black_box([n; 32]);
    if n == 0 { 0 } else { depth(n - 1) + pad[7] }
}
fn lcs(a: &str, _b: &str) -> i32 { depth(1 << 40 | a.len() as u64) as i32 }"#,
        Verdict::RE,
    );
    assert!(!detail(&r).is_empty());
    let r = expect(
        Language::Go,
        "package main\n\nfunc depth(n int) int {\n\tvar pad [4096]byte\n\tpad[n%4096] = byte(n)\n\tif n == 0 {\n\t\treturn 0\n\t}\n\treturn depth(n-1) + int(pad[n%7])\n}\n\nfunc lcs(a, b string) int {\n\treturn depth(1 << 40)\n}\n",
        Verdict::RE,
    );
    assert!(detail(&r).contains("stack"), "{}", detail(&r));
}

#[test]
fn compile_errors_name_the_learners_lines_and_hide_our_paths() {
    let r = expect(
        Language::Rust,
        "fn lcs(a: &str, b: &str) -> i32 {\n    let x: i32 = \"nope\";\n    x\n}\n",
        Verdict::CE,
    );
    let msg = r.message.clone().unwrap_or_default();
    assert!(msg.contains("solution.rs:2"), "{msg}");
    assert!(!msg.contains("/tmp/") && !msg.contains("prep-judge-"), "{msg}");
    let r = expect(Language::Go, "package main\n\nfunc lcs(a, b string) int {\n\treturn \"nope\"\n}\n", Verdict::CE);
    let msg = r.message.clone().unwrap_or_default();
    assert!(msg.contains("solution.go:4"), "{msg}");
    assert!(!msg.contains("/tmp/") && !msg.contains("prep-judge-"), "{msg}");
}

#[test]
fn compile_error_output_is_capped() {
    let mut src = String::from("fn lcs(a: &str, b: &str) -> i32 { 0 }\n");
    for i in 0..3000 {
        src.push_str(&format!("fn f{i}() -> i32 {{ \"not an int\" }}\n"));
    }
    let r = expect(Language::Rust, &src, Verdict::CE);
    assert!(r.message.unwrap_or_default().len() <= sandbox::limits::COMPILER_MESSAGE_CAP + 200);
}

#[test]
fn whole_programs_are_judged_too() {
    // A "program" problem built from lcs's tests: the learner writes main() and reads stdin.
    let program = r#"use std::io::Read;
fn main() {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).unwrap();
    let mut l = s.lines();
    let (a, b) = (l.next().unwrap().as_bytes(), l.next().unwrap().as_bytes());
    let mut dp = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in 0..a.len() { for j in 0..b.len() {
        dp[i + 1][j + 1] = if a[i] == b[j] { dp[i][j] + 1 } else { dp[i][j + 1].max(dp[i + 1][j]) };
    } }
    println!("{}", dp[a.len()][b.len()]);
}"#;
    let lcs = crate::repo_root().join("content/problems/lcs");
    let parent = tempfile::tempdir().expect("tempdir");
    // A problem's folder is named for its id.
    let dir = parent.path().join("lcs-program");
    std::fs::create_dir_all(&dir).unwrap();
    let manifest = "id = \"lcs-program\"\ntitle = \"LCS as a program\"\ndifficulty = \"medium\"\n\
                    kind = \"program\"\nsamples = [\"01\", \"02\", \"03\"]\n\n[rust]\nsignature = \"fn main()\"\n";
    std::fs::write(dir.as_path().join("problem.toml"), manifest).unwrap();
    std::fs::write(dir.as_path().join("statement.md"), "LCS, reading stdin yourself.").unwrap();
    std::fs::create_dir_all(dir.as_path().join("solutions")).unwrap();
    std::fs::write(dir.as_path().join("solutions/ref.rs"), program).unwrap();
    std::fs::create_dir_all(dir.as_path().join("tests")).unwrap();
    for name in ["01", "02", "03", "07"] {
        for ext in ["in", "out"] {
            std::fs::copy(lcs.join(format!("tests/{name}.{ext}")), dir.as_path().join(format!("tests/{name}.{ext}")))
                .unwrap();
        }
    }
    let problem = std::sync::Arc::new(sandbox::Problem::load(dir.as_path()).expect("loads"));
    let sub = sandbox::Submission {
        problem: problem.clone(),
        language: Language::Rust,
        source: program.into(),
        tests: sandbox::Tests::All,
    };
    let r = crate::judge().judge(&sub, None, &mut |_| {}).expect("judged");
    assert_eq!(r.verdict, Verdict::AC, "{}", describe(&r));
    assert_eq!(r.tests.len(), 4);
    let sub = sandbox::Submission {
        problem,
        language: Language::Go,
        source: "package main\n\nfunc main() {}\n".into(),
        tests: sandbox::Tests::All,
    };
    let r = crate::judge().judge(&sub, None, &mut |_| {}).expect("judged");
    assert_eq!(r.verdict, Verdict::CE, "a language the problem does not offer");
}
