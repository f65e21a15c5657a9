// Driver for `suffix_array`: reads one line s, calls the learner's function (in solution.rs),
// checks that sa is a permutation of 0..n and that lcp has n entries, then prints the arrays
// (n <= 60) or their checksums (larger n), and the number of distinct substrings.
use std::io::{Read, Write};

include!("solution.rs");

const MOD: u64 = 1_000_000_007;

// Polynomial checksum: h = h * 1_000_003 + (x + 1), mod 1e9+7, in order.
fn checksum(xs: &[usize]) -> u64 {
    xs.iter().fold(0u64, |h, &x| (h * 1_000_003 + (x as u64 % MOD) + 1) % MOD)
}

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("read stdin");
    let s = input.lines().next().unwrap_or("").trim();
    let n = s.len();
    let (sa, lcp) = suffix_array(s);
    let mut out = String::new();
    if sa.len() != n {
        out.push_str(&format!("invalid: sa has {} entries, want {}\n", sa.len(), n));
    } else if lcp.len() != n {
        out.push_str(&format!("invalid: lcp has {} entries, want {}\n", lcp.len(), n));
    } else {
        let mut seen = vec![false; n];
        let mut ok = true;
        for &i in &sa {
            if i >= n || seen[i] {
                ok = false;
                break;
            }
            seen[i] = true;
        }
        if !ok {
            out.push_str("invalid: sa is not a permutation of 0..n-1\n");
        } else {
            let mut distinct: i64 = 0;
            for r in 0..n {
                distinct = distinct.wrapping_add((n - sa[r]) as i64).wrapping_sub(lcp[r] as i64);
            }
            if n <= 60 {
                out.push_str("sa:");
                for &x in &sa {
                    out.push_str(&format!(" {}", x));
                }
                out.push_str("\nlcp:");
                for &x in &lcp {
                    out.push_str(&format!(" {}", x));
                }
                out.push('\n');
            } else {
                out.push_str(&format!("n: {}\n", n));
                out.push_str(&format!("sa checksum: {}\n", checksum(&sa)));
                out.push_str(&format!("lcp checksum: {}\n", checksum(&lcp)));
            }
            out.push_str(&format!("distinct substrings: {}\n", distinct));
        }
    }
    std::io::stdout().write_all(out.as_bytes()).expect("write stdout");
}
