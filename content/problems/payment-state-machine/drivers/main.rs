// Driver for `process_events`: parses n and n events "payment kind amount", calls the learner's
// function (in solution.rs) and prints the returned lines.
use std::io::{Read, Write};

/// One event for one payment; `amount` is 0 for events that carry none.
#[allow(dead_code)]
#[derive(Debug, Clone)]
struct Event {
    payment: u64,
    kind: String,
    amount: i64,
}

include!("solution.rs");

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("read stdin");
    let mut it = input.split_ascii_whitespace();
    let n: usize = it.next().map(|t| t.parse().expect("a number")).unwrap_or(0);
    let mut events = Vec::with_capacity(n);
    for _ in 0..n {
        let payment = it.next().unwrap_or("0").parse::<u64>().expect("a number");
        let kind = it.next().unwrap_or("").to_string();
        let amount = it.next().unwrap_or("0").parse::<i64>().expect("a number");
        events.push(Event { payment, kind, amount });
    }
    let lines = process_events(&events);
    let mut out = String::with_capacity(lines.len() * 8);
    for l in &lines {
        out.push_str(l);
        out.push('\n');
    }
    std::io::stdout().write_all(out.as_bytes()).expect("write stdout");
}
