// Plain recursion: exponential. Must exceed the time limit.
fn lcs(a: &str, b: &str) -> i32 {
    fn go(a: &[u8], b: &[u8]) -> i32 {
        match (a.split_last(), b.split_last()) {
            (Some((x, ra)), Some((y, rb))) => {
                if x == y { go(ra, rb) + 1 } else { go(ra, b).max(go(a, rb)) }
            }
            _ => 0,
        }
    }
    go(a.as_bytes(), b.as_bytes())
}
