// attempts: copy the server's secret environment variable into the program at compile time with env!
// expect: CE
// shows: environment variable `PREP_HOSTILE_SECRET` not defined
fn lcs(_a: &str, _b: &str) -> i32 {
    print!("{}", env!("PREP_HOSTILE_SECRET"));
    0
}
