// attempts: exit with code 0 before the driver prints the answer (success without output)
// expect: WA
fn lcs(_a: &str, _b: &str) -> i32 {
    std::process::exit(0)
}
