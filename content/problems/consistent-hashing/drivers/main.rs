// Driver for `consistent_hashing`: parses "V N K Q", N node names, K tracked keys and Q
// operations "ADD node" / "REMOVE node" / "OWNER key", calls the learner's function (in
// solution.rs) and prints one line per operation.
use std::io::{Read, Write};

/// One operation on the ring.
#[allow(dead_code)]
#[derive(Debug, Clone)]
enum Op {
    Add(String),
    Remove(String),
    Owner(String),
}

include!("solution.rs");

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("read stdin");
    let mut it = input.split_ascii_whitespace();
    let mut num = || it.next().map(|t| t.parse::<usize>().expect("a number")).unwrap_or(0);
    let replicas = num();
    let n = num();
    let k = num();
    let q = num();
    let nodes: Vec<String> = (0..n).map(|_| it.next().expect("a node").to_string()).collect();
    let keys: Vec<String> = (0..k).map(|_| it.next().expect("a key").to_string()).collect();
    let mut ops = Vec::with_capacity(q);
    for _ in 0..q {
        let kind = it.next().expect("an operation");
        let name = it.next().expect("a name").to_string();
        ops.push(match kind {
            "ADD" => Op::Add(name),
            "REMOVE" => Op::Remove(name),
            "OWNER" => Op::Owner(name),
            other => panic!("unknown operation {other}"),
        });
    }
    let lines = consistent_hashing(replicas, &nodes, &keys, &ops);
    let mut out = String::with_capacity(lines.len() * 8);
    for l in &lines {
        out.push_str(l);
        out.push('\n');
    }
    std::io::stdout().write_all(out.as_bytes()).expect("write stdout");
}
