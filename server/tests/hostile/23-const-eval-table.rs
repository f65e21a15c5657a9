// attempts: a compiler bomb: a 64 MiB table computed by const evaluation at compile time
// expect: CE | MLE | AC
const N: usize = 1 << 24;
static TABLE: [u32; N] = {
    let mut t = [0u32; N];
    let mut i = 0;
    while i < N {
        t[i] = (i as u32).wrapping_mul(2654435761);
        i += 1;
    }
    t
};

fn lcs(a: &str, b: &str) -> i32 {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut t = vec![vec![0i32; b.len() + 1]; a.len() + 1];
    for i in 0..a.len() {
        for j in 0..b.len() {
            t[i + 1][j + 1] = if a[i] == b[j] { t[i][j] + 1 } else { t[i][j + 1].max(t[i + 1][j]) };
        }
    }
    t[a.len()][b.len()] + (TABLE[a.len()] & 0) as i32
}
