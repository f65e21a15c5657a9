// attempts: hold a judge worker by sleeping for an hour, then answer correctly (the clock is virtual,
// attempts: so the sleep costs no wall time and the answer is judged)
// expect: AC
// tests: all
fn lcs(a: &str, b: &str) -> i32 {
    let before = std::time::Instant::now();
    std::thread::sleep(std::time::Duration::from_secs(3600));
    if before.elapsed().as_secs() < 3600 {
        return -1;
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut prev = vec![0i32; b.len() + 1];
    let mut cur = vec![0i32; b.len() + 1];
    for &x in a {
        for j in 0..b.len() {
            cur[j + 1] = if x == b[j] { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}
