// attempts: read the host's /etc/passwd at compile time with include_str!
// expect: CE
const STOLEN: &str = include_str!("/etc/passwd");

fn lcs(_a: &str, _b: &str) -> i32 {
    print!("{STOLEN}");
    STOLEN.len() as i32
}
