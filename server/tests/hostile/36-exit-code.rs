// attempts: exit with a nonzero code before printing anything
// expect: RE
// shows: exit code 42
fn lcs(_a: &str, _b: &str) -> i32 {
    std::process::exit(42)
}
