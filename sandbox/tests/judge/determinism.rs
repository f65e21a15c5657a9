//! Time is fuel: the same submission gets the same instruction counts on every run.

use sandbox::{Language, Tests, Verdict};

use crate::{describe, submit};

fn counts(problem: &str, lang: Language, src: &str) -> Vec<u64> {
    let r = submit(problem, lang, src, Tests::All);
    assert_eq!(r.verdict, Verdict::AC, "{}", describe(&r));
    r.tests.iter().map(|t| t.instructions).collect()
}

#[test]
fn ten_runs_give_identical_instruction_counts() {
    for (lang, ext) in [(Language::Go, "go"), (Language::Rust, "rs")] {
        let path = crate::repo_root().join(format!("content/problems/union-find-components/solutions/ref.{ext}"));
        let src = std::fs::read_to_string(path).unwrap();
        let first = counts("union-find-components", lang, &src);
        for i in 0..9 {
            // A fresh compile now and then (comments change the hash, not the code), cached runs otherwise.
            let src = if i % 4 == 0 { format!("{src}\n// run {i}\n") } else { src.clone() };
            assert_eq!(counts("union-find-components", lang, &src), first, "{lang} run {i}");
        }
    }
}

#[test]
fn go_clock_and_random_are_fixed() {
    // Programs that read the clock, sleep and draw random numbers still repeat exactly.
    let src = r#"package main

import (
	"fmt"
	"math/rand"
	"os"
	"time"
)

func lcs(a, b string) int {
	t0 := time.Now()
	time.Sleep(50 * time.Millisecond)
	m := map[int]int{}
	for i := 0; i < 1000; i++ {
		m[rand.Intn(1000)]++
	}
	keys := 0
	for k := range m {
		keys += k % 7
		break
	}
	fmt.Fprintln(os.Stderr, time.Since(t0), keys, t0.Year())
	return 0
}
"#;
    let run = || {
        let r = crate::lcs_samples(Language::Go, src);
        assert_eq!(r.verdict, Verdict::WA, "{}", describe(&r));
        r.tests.iter().map(|t| t.instructions).collect::<Vec<_>>()
    };
    let first = run();
    for _ in 0..3 {
        assert_eq!(run(), first);
    }
}
