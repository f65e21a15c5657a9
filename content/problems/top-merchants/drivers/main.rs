// Driver for `top_merchants`: parses "K W n" and n events "P t merchant amount" or "Q t", calls
// the learner's function (in solution.rs) and prints one line per query: "merchant:total" pairs
// separated by spaces, or "-" when the window holds no payments.
use std::io::{Read, Write};

/// One event of the payment stream, in input order.
#[allow(dead_code)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Event {
    /// A payment of `amount` cents to `merchant` at time `at` (ms).
    Payment { at: i64, merchant: i64, amount: i64 },
    /// The dashboard asks for the top merchants over (at - window, at].
    Query { at: i64 },
}

include!("solution.rs");

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("read stdin");
    let mut it = input.split_ascii_whitespace();
    let mut num = || it.next().map(|t| t.parse::<i64>().expect("a number")).unwrap_or(0);
    let k = num() as usize;
    let window = num();
    let n = num() as usize;
    let mut events = Vec::with_capacity(n);
    for _ in 0..n {
        let kind = it.next().expect("P or Q");
        let at = it.next().expect("a timestamp").parse::<i64>().expect("a number");
        if kind == "Q" {
            events.push(Event::Query { at });
        } else {
            let merchant = it.next().expect("a merchant").parse::<i64>().expect("a number");
            let amount = it.next().expect("an amount").parse::<i64>().expect("a number");
            events.push(Event::Payment { at, merchant, amount });
        }
    }
    let answers = top_merchants(k, window, &events);
    let mut out = String::with_capacity(answers.len() * 16);
    for list in &answers {
        if list.is_empty() {
            out.push('-');
        }
        for (i, (merchant, total)) in list.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(&merchant.to_string());
            out.push(':');
            out.push_str(&total.to_string());
        }
        out.push('\n');
    }
    std::io::stdout().write_all(out.as_bytes()).expect("write stdout");
}
