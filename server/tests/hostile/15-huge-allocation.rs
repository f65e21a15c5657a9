// attempts: one allocation of 1.75 GiB, far past the memory limit
// expect: MLE | RE
fn lcs(a: &str, _b: &str) -> i32 {
    let big = vec![a.len() as u8; 0x7000_0000];
    big[big.len() - 1] as i32
}
