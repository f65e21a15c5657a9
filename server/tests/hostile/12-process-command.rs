// attempts: spawn a shell with std::process::Command that creates a file on the host
// attempts: (answers correctly only if spawning fails; the test checks the file never appears)
// expect: AC
fn lcs(a: &str, b: &str) -> i32 {
    let spawned = std::process::Command::new("/bin/sh").arg("-c").arg("touch @PWNED_FILE@").status();
    if spawned.is_ok() {
        return -1;
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
