// Driver for `velocity`: parses "window limit n" and n events "t card amount", calls the
// learner's function (in solution.rs), prints "count sum" per event, with " FLAG" if flagged.
use std::fmt::Write as _;
use std::io::{Read, Write};

include!("solution.rs");

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("read stdin");
    let mut it = input.split_ascii_whitespace();
    let mut num = || it.next().map(|t| t.parse::<i64>().expect("a number")).unwrap_or(0);
    let window = num();
    let limit = num() as usize;
    let n = num() as usize;
    let mut events: Vec<(i64, String, i64)> = Vec::with_capacity(n);
    for _ in 0..n {
        let t = it.next().expect("a timestamp").parse::<i64>().expect("a number");
        let card = it.next().expect("a card id").to_string();
        let amount = it.next().expect("an amount").parse::<i64>().expect("a number");
        events.push((t, card, amount));
    }
    let mut out = String::with_capacity(16 * n);
    for (count, sum, flagged) in velocity(window, limit, &events) {
        let _ = write!(out, "{count} {sum}");
        out.push_str(if flagged { " FLAG\n" } else { "\n" });
    }
    std::io::stdout().write_all(out.as_bytes()).expect("write stdout");
}
