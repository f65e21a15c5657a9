// Driver for `relay`: parses n and n operations (BEGIN t, INSERT t amount, COMMIT t,
// ROLLBACK t, POLL b, CRASH b), calls the learner's function (in solution.rs) and prints its lines.
use std::io::{Read, Write};

/// One operation. `tx` is the transaction id (0 for POLL and CRASH); `value` is the amount for
/// INSERT, the batch size for POLL and CRASH, and 0 otherwise.
#[allow(dead_code)]
#[derive(Debug, Clone)]
struct Op {
    kind: String,
    tx: u64,
    value: i64,
}

include!("solution.rs");

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("read stdin");
    let mut it = input.split_ascii_whitespace();
    let n: usize = it.next().map(|t| t.parse().expect("a number")).unwrap_or(0);
    let mut ops = Vec::with_capacity(n);
    for _ in 0..n {
        let kind = it.next().expect("an operation").to_string();
        let mut num = || it.next().expect("a number").parse::<i64>().expect("a number");
        let (tx, value) = match kind.as_str() {
            "INSERT" => {
                let t = num();
                (t as u64, num())
            }
            "POLL" | "CRASH" => (0, num()),
            _ => (num() as u64, 0),
        };
        ops.push(Op { kind, tx, value });
    }
    let lines = relay(&ops);
    let mut out = String::with_capacity(lines.len() * 8);
    for l in &lines {
        out.push_str(l);
        out.push('\n');
    }
    std::io::stdout().write_all(out.as_bytes()).expect("write stdout");
}
