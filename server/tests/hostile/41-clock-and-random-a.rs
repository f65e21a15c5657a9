// attempts: print the wall clock, a monotonic reading and random numbers: every run must see the same
// attempts: ones (the clock and the random source are deterministic), so its twin prints the same
// expect: WA
// same-output: rust-clock
use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;

fn lcs(_a: &str, _b: &str) -> i32 {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap();
    let start = std::time::Instant::now();
    let seed = RandomState::new().hash_one(12345u64);
    println!("{} {} {seed}", now.as_nanos(), start.elapsed().as_nanos());
    -1
}
