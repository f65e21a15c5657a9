// Driver for `rate_limit`: parses "capacity rate n" and n requests "t merchant cost", calls the
// learner's function (in solution.rs), prints A (allowed) or R (rejected) per request.
use std::io::{Read, Write};

include!("solution.rs");

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("read stdin");
    let mut it = input.split_ascii_whitespace();
    let mut num = || it.next().map(|t| t.parse::<i64>().expect("a number")).unwrap_or(0);
    let capacity = num();
    let rate = num();
    let n = num() as usize;
    let mut requests: Vec<(i64, String, i64)> = Vec::with_capacity(n);
    for _ in 0..n {
        let t = it.next().expect("a timestamp").parse::<i64>().expect("a number");
        let merchant = it.next().expect("a merchant id").to_string();
        let cost = it.next().expect("a cost").parse::<i64>().expect("a number");
        requests.push((t, merchant, cost));
    }
    let allowed = rate_limit(capacity, rate, &requests);
    let mut out = String::with_capacity(2 * allowed.len());
    for a in allowed {
        out.push_str(if a { "A\n" } else { "R\n" });
    }
    std::io::stdout().write_all(out.as_bytes()).expect("write stdout");
}
