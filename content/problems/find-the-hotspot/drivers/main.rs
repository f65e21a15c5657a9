// Driver for `profile_top`: parses "n k" and n samples "count depth f1 ... fdepth" (root first),
// calls the learner's function (in solution.rs), prints the total and both top-k tables.
use std::fmt::Write as _;
use std::io::{Read, Write};

include!("solution.rs");

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("read stdin");
    let mut it = input.split_ascii_whitespace();
    let mut num = || it.next().map(|t| t.parse::<i64>().expect("a number")).unwrap_or(0);
    let n = num() as usize;
    let k = num() as usize;
    drop(num);
    let mut samples: Vec<(i64, Vec<String>)> = Vec::with_capacity(n);
    let mut total = 0i64;
    for _ in 0..n {
        let count = it.next().expect("a count").parse::<i64>().expect("a number");
        let depth = it.next().expect("a depth").parse::<usize>().expect("a number");
        let stack: Vec<String> = (0..depth).map(|_| it.next().expect("a function").to_string()).collect();
        total += count;
        samples.push((count, stack));
    }
    let (by_flat, by_cum) = profile_top(&samples, k);
    let mut out = String::new();
    writeln!(out, "total {total}").unwrap();
    out.push_str("flat\n");
    for (name, flat, cum) in &by_flat {
        writeln!(out, "{name} {flat} {cum}").unwrap();
    }
    out.push_str("cum\n");
    for (name, flat, cum) in &by_cum {
        writeln!(out, "{name} {flat} {cum}").unwrap();
    }
    std::io::stdout().write_all(out.as_bytes()).expect("write stdout");
}
