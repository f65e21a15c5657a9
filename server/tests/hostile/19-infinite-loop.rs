// attempts: an infinite loop the optimiser cannot remove
// expect: TLE
fn lcs(a: &str, _b: &str) -> i32 {
    let mut x = a.len() as u64;
    loop {
        x = std::hint::black_box(x.wrapping_mul(6364136223846793005).wrapping_add(1));
    }
}
