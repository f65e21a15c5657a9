// attempts: read the compiler's own /proc/self/environ and /proc/self/cmdline (paths, variables) at compile time
// expect: CE
const ENVIRON: &[u8] = include_bytes!("/proc/self/environ");
const CMDLINE: &[u8] = include_bytes!("/proc/self/cmdline");

fn lcs(_a: &str, _b: &str) -> i32 {
    print!("{}{}", String::from_utf8_lossy(ENVIRON), String::from_utf8_lossy(CMDLINE));
    0
}
