// Driver for `bounded_knapsack`: parses "capacity n" and n lines "weight value count", calls the
// learner's function (in solution.rs), prints the result.
use std::io::Read;

include!("solution.rs");

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("read stdin");
    let mut it = input.split_ascii_whitespace().map(|t| t.parse::<i64>().expect("a number"));
    let capacity = it.next().unwrap_or(0) as usize;
    let n = it.next().unwrap_or(0) as usize;
    let items: Vec<(usize, i64, usize)> = (0..n)
        .map(|_| {
            let w = it.next().expect("a weight") as usize;
            let v = it.next().expect("a value");
            let c = it.next().expect("a count") as usize;
            (w, v, c)
        })
        .collect();
    println!("{}", bounded_knapsack(capacity, &items));
}
