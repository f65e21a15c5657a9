// Driver for `count_components`: parses "n m" and m edges, calls the learner's function
// (in solution.rs), prints the result.
use std::io::Read;

include!("solution.rs");

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("read stdin");
    let mut it = input.split_ascii_whitespace().map(|t| t.parse::<usize>().expect("a number"));
    let n = it.next().unwrap_or(0);
    let m = it.next().unwrap_or(0);
    let edges: Vec<(usize, usize)> = (0..m)
        .map(|_| (it.next().unwrap_or(0), it.next().unwrap_or(0)))
        .collect();
    println!("{}", count_components(n, &edges));
}
