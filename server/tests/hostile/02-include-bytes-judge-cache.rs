// attempts: read a file planted in the judge's cache directory, by its absolute path, with include_bytes!
// expect: CE
const STOLEN: &[u8] = include_bytes!("@SECRET_FILE@");

fn lcs(_a: &str, _b: &str) -> i32 {
    print!("{}", String::from_utf8_lossy(STOLEN));
    0
}
