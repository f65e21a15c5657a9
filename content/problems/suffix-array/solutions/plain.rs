// The textbook O(n log^2 n) version: prefix doubling that re-sorts the positions every round
// with sort_by_key on (rank[i], rank[i+k]) tuples, then Kasai for the LCP array.
fn suffix_array(s: &str) -> (Vec<usize>, Vec<usize>) {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    let mut sa: Vec<usize> = (0..n).collect();
    let mut rank: Vec<i64> = chars.iter().map(|&c| c as i64).collect();
    let mut k = 1;
    while k < n {
        let key = |i: usize, rank: &Vec<i64>| -> (i64, i64) {
            let second = if i + k < n { rank[i + k] } else { -1 };
            (rank[i], second)
        };
        let old = rank.clone();
        sa.sort_by_key(|&i| key(i, &old));
        let mut new_rank = vec![0i64; n];
        for idx in 1..n {
            let prev = key(sa[idx - 1], &old);
            let cur = key(sa[idx], &old);
            new_rank[sa[idx]] = new_rank[sa[idx - 1]] + if prev == cur { 0 } else { 1 };
        }
        rank = new_rank;
        if rank[sa[n - 1]] == (n - 1) as i64 {
            break;
        }
        k *= 2;
    }

    let mut pos = vec![0usize; n];
    for i in 0..n {
        pos[sa[i]] = i;
    }
    let mut lcp = vec![0usize; n];
    let mut h = 0usize;
    for i in 0..n {
        if pos[i] > 0 {
            let j = sa[pos[i] - 1];
            while i + h < n && j + h < n && chars[i + h] == chars[j + h] {
                h += 1;
            }
            lcp[pos[i]] = h;
            if h > 0 {
                h -= 1;
            }
        } else {
            h = 0;
        }
    }
    (sa, lcp)
}
