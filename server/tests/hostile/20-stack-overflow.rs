// attempts: unbounded recursion with a large frame (stack overflow)
// expect: RE
fn down(n: u64) -> u64 {
    let frame = std::hint::black_box([n; 64]);
    down(n + 1) + frame[(n % 64) as usize]
}

fn lcs(a: &str, _b: &str) -> i32 {
    down(a.len() as u64) as i32
}
