// attempts: read the server's environment (which holds the planted secret) through /proc/<pid>/environ at compile time
// expect: CE
const ENVIRON: &[u8] = include_bytes!("/proc/@SERVER_PID@/environ");

fn lcs(_a: &str, _b: &str) -> i32 {
    print!("{}", String::from_utf8_lossy(ENVIRON));
    0
}
