// attempts: abort the process
// expect: RE
fn lcs(_a: &str, _b: &str) -> i32 {
    std::process::abort()
}
