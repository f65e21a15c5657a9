//! "Run with custom input": the learner's program and the reference on the learner's input.

use sandbox::{CustomOutcome, Language};

use crate::{judge, problem};

const RUST_AC: &str = include_str!("../../../content/problems/lcs/solutions/ref.rs");

fn run(lang: Language, source: &str, input: &str) -> CustomOutcome {
    judge().run_custom(&problem("lcs"), lang, source, input.as_bytes(), None).expect("the judge itself does not fail")
}

fn ran(outcome: CustomOutcome) -> domain::CustomRun {
    match outcome {
        CustomOutcome::Ran(run) => *run,
        CustomOutcome::CompileError(e) => panic!("compile error: {e}"),
    }
}

#[test]
fn a_custom_input_shows_both_outputs_and_whether_they_agree() {
    let right = ran(run(Language::Rust, RUST_AC, "kitten\nsitting\n"));
    let reference = right.reference.as_ref().expect("the reference ran");
    assert_eq!(reference.stdout.trim(), "4");
    assert_eq!(right.yours.stdout.trim(), "4");
    assert_eq!(right.same_output, Some(true));
    assert_eq!(right.yours.end, domain::RunEnd::Finished);
    assert!(right.yours.instructions > 1000 && right.yours.instructions < right.yours.instruction_limit);
    assert!(right.note.is_none());

    // Off by one on purpose: the comparison is what points at the bug.
    let wrong = "fn lcs(a: &str, b: &str) -> i32 { a.len().min(b.len()) as i32 }";
    let wrong = ran(run(Language::Rust, wrong, "kitten\nsitting\n"));
    assert_eq!((wrong.yours.stdout.trim(), wrong.same_output), ("6", Some(false)));

    let go = "package main\n\nimport \"fmt\"\nimport \"os\"\n\nfunc lcs(a, b string) int {\n\tfmt.Fprintln(os.Stderr, \"len\", len(a))\n\treturn 0\n}\n";
    let go = ran(run(Language::Go, go, "abc\nabd\n"));
    assert_eq!(go.yours.stderr.trim(), "len 3", "stderr is the learner's own: shown in full");
    assert_eq!(go.same_output, Some(false));
}

#[test]
fn limits_and_failures_are_reported_as_the_run_ended() {
    let spin = "fn lcs(a: &str, _b: &str) -> i32 { let mut n = a.len() as u64; loop { n = std::hint::black_box(n.wrapping_mul(3)); } }";
    let r = ran(run(Language::Rust, spin, "ab\nab\n"));
    assert_eq!(r.yours.end, domain::RunEnd::OutOfInstructions);
    assert_eq!(r.yours.instructions, r.yours.instruction_limit);
    assert_eq!(r.same_output, None, "nothing to compare");

    let panics = "fn lcs(_a: &str, _b: &str) -> i32 { panic!(\"boom\") }";
    let r = ran(run(Language::Rust, panics, "ab\nab\n"));
    // Rust panics abort in WebAssembly: a trap, with the message on stderr.
    assert!(matches!(r.yours.end, domain::RunEnd::Crashed(_)), "{:?}", r.yours.end);
    assert!(r.yours.stderr.contains("boom"), "{}", r.yours.stderr);

    match run(Language::Rust, "fn lcs(", "ab\nab\n") {
        CustomOutcome::CompileError(e) => assert!(e.contains("solution.rs"), "{e}"),
        CustomOutcome::Ran(_) => panic!("does not compile"),
    }
}

#[test]
fn an_input_beyond_the_constraints_is_flagged_not_failed() {
    // 20 000 × 20 000 cells: far past the largest test, so past the reference's budget too.
    let huge = format!("{}\n{}\n", "ab".repeat(10_000), "ba".repeat(10_000));
    let r = ran(run(Language::Rust, RUST_AC, &huge));
    assert!(r.reference.is_none());
    assert!(r.note.as_deref().unwrap_or("").contains("input format"), "{:?}", r.note);
    assert_eq!(r.same_output, None);
    assert!(r.yours.instruction_limit > 0);
}
