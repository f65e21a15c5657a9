// Driver for `run_ledger`: parses the accounts and the event log, calls the learner's function
// (in solution.rs), prints one line per returned string.
use std::io::{Read, Write};

/// One line of the event log.
#[allow(dead_code)]
enum Event {
    /// A transaction: its postings as (account, amount), debits positive, credits negative.
    Txn(Vec<(usize, i64)>),
    /// The balance of `account` after the first `after` transactions.
    Query { account: usize, after: usize },
}

include!("solution.rs");

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("read stdin");
    let mut it = input.split_ascii_whitespace();
    let num = |t: Option<&str>| -> i64 { t.expect("a token").parse().expect("a number") };
    let _m = num(it.next());
    let e = num(it.next()) as usize;
    let kinds = it.next().expect("account kinds").to_string();
    let mut events = Vec::with_capacity(e);
    for _ in 0..e {
        match it.next().expect("an event") {
            "T" => {
                let k = num(it.next()) as usize;
                let mut postings = Vec::with_capacity(k);
                for _ in 0..k {
                    let a = num(it.next()) as usize;
                    let side = it.next().expect("D or C");
                    let x = num(it.next());
                    postings.push((a, if side == "D" { x } else { -x }));
                }
                events.push(Event::Txn(postings));
            }
            _ => {
                let account = num(it.next()) as usize;
                let after = num(it.next()) as usize;
                events.push(Event::Query { account, after });
            }
        }
    }
    let out = run_ledger(kinds.as_bytes(), &events);
    let mut text = String::with_capacity(out.len() * 12);
    for line in &out {
        text.push_str(line);
        text.push('\n');
    }
    std::io::stdout().write_all(text.as_bytes()).expect("write stdout");
}
