// Driver for `lru_cache`: parses "capacity n" and n operations ("G key" or "P key value"),
// calls the learner's function (in solution.rs) and prints a summary of what it returned:
// "gets N evictions E", a checksum of the GET results, and the results themselves when
// there are at most 1000 of them.
use std::io::{Read, Write};

/// One operation on the cache.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    /// GET key: the cached value, or -1 on a miss.
    Get(i64),
    /// PUT key value.
    Put(i64, i64),
}

include!("solution.rs");

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("read stdin");
    let mut it = input.split_ascii_whitespace();
    let capacity: usize = it.next().expect("the capacity").parse().expect("a number");
    let n: usize = it.next().expect("the number of operations").parse().expect("a number");
    let mut ops: Vec<Op> = Vec::with_capacity(n);
    for _ in 0..n {
        let kind = it.next().expect("an operation");
        let key: i64 = it.next().expect("a key").parse().expect("a number");
        if kind == "P" {
            let value: i64 = it.next().expect("a value").parse().expect("a number");
            ops.push(Op::Put(key, value));
        } else {
            ops.push(Op::Get(key));
        }
    }
    let (results, evictions) = lru_cache(capacity, &ops);
    let mut h: u64 = 0;
    for &r in &results {
        h = h.wrapping_mul(1_000_003).wrapping_add(r as u64);
    }
    let mut out = format!("gets {} evictions {}\nchecksum {}\n", results.len(), evictions, h);
    if results.len() <= 1000 {
        let shown: Vec<String> = results.iter().map(|r| r.to_string()).collect();
        out.push_str(&shown.join(" "));
        out.push('\n');
    }
    std::io::stdout().write_all(out.as_bytes()).expect("write stdout");
}
