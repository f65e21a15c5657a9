// Driver for `run_sagas`: parses "k n", the k retry budgets and n events ("saga START" or
// "saga D|U step RESULT"), calls the learner's function (in solution.rs) and prints its lines.
use std::io::{Read, Write};

/// One event of the log. For START, `undo` is false and `step` is 0.
#[allow(dead_code)]
#[derive(Debug, Clone)]
struct Event {
    saga: u64,
    kind: String, // START, OK, FAIL, TIMEOUT or FATAL
    undo: bool,   // the result is for a compensation (U), not a forward step (D)
    step: usize,
}

include!("solution.rs");

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("read stdin");
    let mut it = input.split_ascii_whitespace();
    let mut num = || it.next().map(|t| t.parse::<i64>().expect("a number")).unwrap_or(0);
    let k = num() as usize;
    let n = num() as usize;
    let retries: Vec<i64> = (0..k).map(|_| num()).collect();
    let mut events = Vec::with_capacity(n);
    for _ in 0..n {
        let saga = it.next().expect("a saga id").parse::<u64>().expect("a number");
        let word = it.next().expect("an event");
        if word == "START" {
            events.push(Event { saga, kind: word.to_string(), undo: false, step: 0 });
        } else {
            let step = it.next().expect("a step").parse::<usize>().expect("a number");
            let kind = it.next().expect("a result").to_string();
            events.push(Event { saga, kind, undo: word == "U", step });
        }
    }
    let lines = run_sagas(&retries, &events);
    let mut out = String::with_capacity(lines.len() * 24);
    for l in &lines {
        out.push_str(l);
        out.push('\n');
    }
    std::io::stdout().write_all(out.as_bytes()).expect("write stdout");
}
