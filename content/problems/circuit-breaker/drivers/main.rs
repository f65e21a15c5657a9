// Driver for `run_breaker`: parses the parameters and the call log, calls the learner's
// function (in solution.rs), prints one line per call and then the number of transitions.
use std::io::{Read, Write};

include!("solution.rs");

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("read stdin");
    let mut it = input.split_ascii_whitespace();
    let mut num = || -> i64 { it.next().expect("a token").parse().expect("a number") };
    let window = num() as usize;
    let threshold = num() as usize;
    let cooldown = num();
    let trials = num() as usize;
    let n = num() as usize;
    drop(num);
    let calls: Vec<(i64, bool)> = (0..n)
        .map(|_| {
            let t = it.next().expect("a timestamp").parse().expect("a number");
            (t, it.next().expect("S or F") == "S")
        })
        .collect();
    let (lines, transitions) = run_breaker(window, threshold, cooldown, trials, &calls);
    let mut text = String::with_capacity(lines.len() * 16 + 16);
    for line in &lines {
        text.push_str(line);
        text.push('\n');
    }
    text.push_str(&transitions.to_string());
    text.push('\n');
    std::io::stdout().write_all(text.as_bytes()).expect("write stdout");
}
