// Driver for `handle_requests`: parses "n ttl" and n requests "time key merchant amount currency",
// calls the learner's function (in solution.rs) and prints one line per request.
use std::io::{Read, Write};

/// One API call: `POST /payments` with an `Idempotency-Key` header.
#[allow(dead_code)]
#[derive(Debug, Clone)]
struct Request {
    time: i64,
    key: String,
    merchant: String,
    amount: i64,
    currency: String,
}

include!("solution.rs");

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("read stdin");
    let mut it = input.split_ascii_whitespace();
    let mut num = || it.next().map(|t| t.parse::<i64>().expect("a number")).unwrap_or(0);
    let n = num() as usize;
    let ttl = num();
    let mut requests = Vec::with_capacity(n);
    for _ in 0..n {
        let time = it.next().unwrap_or("0").parse::<i64>().expect("a number");
        let key = it.next().unwrap_or("").to_string();
        let merchant = it.next().unwrap_or("").to_string();
        let amount = it.next().unwrap_or("0").parse::<i64>().expect("a number");
        let currency = it.next().unwrap_or("").to_string();
        requests.push(Request { time, key, merchant, amount, currency });
    }
    let lines = handle_requests(ttl, &requests);
    let mut out = String::with_capacity(lines.len() * 12);
    for l in &lines {
        out.push_str(l);
        out.push('\n');
    }
    std::io::stdout().write_all(out.as_bytes()).expect("write stdout");
}
