// Driver for `screen`: parses "window max_amount max_count n" and n transactions
// "t card amount", calls the learner's function (in solution.rs), prints one A (approved) or
// D (declined) per transaction on one line, then the approved and declined totals.
use std::io::{Read, Write};

include!("solution.rs");

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("read stdin");
    let mut it = input.split_ascii_whitespace();
    let mut num = || it.next().map(|t| t.parse::<i64>().expect("a number")).unwrap_or(0);
    let window = num();
    let max_amount = num();
    let max_count = num() as usize;
    let n = num() as usize;
    let mut txns: Vec<(i64, String, i64)> = Vec::with_capacity(n);
    for _ in 0..n {
        let t = it.next().expect("a timestamp").parse::<i64>().expect("a number");
        let card = it.next().expect("a card id").to_string();
        let amount = it.next().expect("an amount").parse::<i64>().expect("a number");
        txns.push((t, card, amount));
    }
    let approved = screen(window, max_amount, max_count, &txns);
    assert_eq!(approved.len(), n, "screen must return one decision per transaction");
    let mut out = String::with_capacity(n + 64);
    let (mut ac, mut asum, mut dc, mut dsum) = (0u64, 0i64, 0u64, 0i64);
    for (ok, (_, _, amount)) in approved.iter().zip(&txns) {
        if *ok {
            out.push('A');
            ac += 1;
            asum += amount;
        } else {
            out.push('D');
            dc += 1;
            dsum += amount;
        }
    }
    out.push_str(&format!("\napproved {ac} {asum}\ndeclined {dc} {dsum}\n"));
    std::io::stdout().write_all(out.as_bytes()).expect("write stdout");
}
