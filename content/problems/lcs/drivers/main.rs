// Driver for `lcs`: reads two lines, calls the learner's function (in solution.rs), prints it.
use std::io::Read;

include!("solution.rs");

fn main() {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("read stdin");
    let mut lines = input.lines();
    let a = lines.next().unwrap_or("").trim();
    let b = lines.next().unwrap_or("").trim();
    println!("{}", lcs(a, b));
}
