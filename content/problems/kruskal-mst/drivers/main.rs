// Driver for `cheapest_network`: parses "n m" and m links "u v cost", calls the learner's
// function (in solution.rs), prints "cost components".
use std::io::Read;

include!("solution.rs");

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("read stdin");
    let mut it = input.split_ascii_whitespace().map(|t| t.parse::<i64>().expect("a number"));
    let n = it.next().unwrap_or(0) as usize;
    let m = it.next().unwrap_or(0) as usize;
    let links: Vec<(usize, usize, i64)> = (0..m)
        .map(|_| {
            let u = it.next().expect("an endpoint") as usize;
            let v = it.next().expect("an endpoint") as usize;
            (u, v, it.next().expect("a cost"))
        })
        .collect();
    let (cost, components) = cheapest_network(n, &links);
    println!("{} {}", cost, components);
}
