// Driver for `merge_windows`: parses n windows "merchant start end", calls the learner's
// function (in solution.rs), and prints one line per run of the same merchant in the result:
// "merchant count total" (followed by the windows when the result has at most 60), then the
// number of windows and a checksum of all their bounds in order.
use std::io::{Read, Write};

include!("solution.rs");

const MOD: i64 = 1_000_000_007;

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("read stdin");
    let mut it = input.split_ascii_whitespace();
    let n: usize = it.next().map(|t| t.parse().expect("a number")).unwrap_or(0);
    let mut windows: Vec<(String, i64, i64)> = Vec::with_capacity(n);
    for _ in 0..n {
        let merchant = it.next().expect("a merchant id").to_string();
        let start = it.next().expect("a start").parse::<i64>().expect("a number");
        let end = it.next().expect("an end").parse::<i64>().expect("a number");
        windows.push((merchant, start, end));
    }
    let merged = merge_windows(&windows);
    let full = merged.len() <= 60;
    let mut out = String::new();
    let mut r = 0;
    while r < merged.len() {
        let merchant = &merged[r].0;
        let mut q = r;
        let mut total: i64 = 0;
        while q < merged.len() && merged[q].0 == *merchant {
            total = total.wrapping_add(merged[q].2.wrapping_sub(merged[q].1));
            q += 1;
        }
        out.push_str(&format!("{} {} {}", merchant, q - r, total));
        if full {
            out.push(':');
            for w in &merged[r..q] {
                out.push_str(&format!(" [{},{})", w.1, w.2));
            }
        }
        out.push('\n');
        r = q;
    }
    let mut h: i64 = 0;
    for w in &merged {
        h = (h * 1_000_003 + w.1.rem_euclid(MOD)) % MOD;
        h = (h * 1_000_003 + w.2.rem_euclid(MOD)) % MOD;
    }
    out.push_str(&format!("windows: {}\nchecksum: {}\n", merged.len(), h));
    std::io::stdout().write_all(out.as_bytes()).expect("write stdout");
}
