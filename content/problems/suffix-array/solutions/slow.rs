// Sorts the suffix start positions by comparing whole suffixes: O(n log n) comparisons, but
// each can scan O(n) bytes on repetitive text, so O(n^2 log n). Must TLE on "aaaa...".
fn suffix_array(s: &str) -> (Vec<usize>, Vec<usize>) {
    let b = s.as_bytes();
    let n = b.len();
    let mut sa: Vec<usize> = (0..n).collect();
    sa.sort_by(|&x, &y| b[x..].cmp(&b[y..]));
    let mut pos = vec![0usize; n];
    for (r, &i) in sa.iter().enumerate() {
        pos[i] = r;
    }
    let mut lcp = vec![0usize; n];
    let mut h = 0;
    for i in 0..n {
        if pos[i] == 0 {
            h = 0;
            continue;
        }
        let j = sa[pos[i] - 1];
        while i + h < n && j + h < n && b[i + h] == b[j + h] {
            h += 1;
        }
        lcp[pos[i]] = h;
        h = h.saturating_sub(1);
    }
    (sa, lcp)
}
