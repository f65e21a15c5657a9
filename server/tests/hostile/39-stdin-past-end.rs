// attempts: read stdin past its end, a thousand times (the driver has read it all already);
// attempts: answers correctly only if every read says end of file
// expect: AC
// note: the driver already has `use std::io::Read`
fn lcs(a: &str, b: &str) -> i32 {
    let mut buf = [0u8; 64];
    for _ in 0..1_000 {
        match std::io::stdin().read(&mut buf) {
            Ok(0) => {}
            _ => return -1,
        }
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut t = vec![vec![0i32; b.len() + 1]; a.len() + 1];
    for i in 0..a.len() {
        for j in 0..b.len() {
            t[i + 1][j + 1] = if a[i] == b[j] { t[i][j] + 1 } else { t[i][j + 1].max(t[i + 1][j]) };
        }
    }
    t[a.len()][b.len()]
}
