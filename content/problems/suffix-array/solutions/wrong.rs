// WRONG: Kasai keeps h instead of decrementing it, so LCP values are overestimated.
// Prefix doubling with two stable counting sorts per round (O(n) per round, at most
// ceil(log2 n) rounds, stopping once all ranks are distinct), then Kasai's O(n) LCP.
// lcp[r] = LCP(suffix sa[r-1], suffix sa[r]); lcp[0] = 0.
fn suffix_array(s: &str) -> (Vec<usize>, Vec<usize>) {
    let b = s.as_bytes();
    let n = b.len();
    if n == 0 {
        return (Vec::new(), Vec::new());
    }
    let mut rank: Vec<usize> = b.iter().map(|&c| c as usize).collect();
    let mut sa: Vec<usize> = (0..n).collect();
    let mut order = vec![0usize; n];
    let mut next = vec![0usize; n];
    let mut count = vec![0usize; n.max(256) + 1];
    // Round 0: sort positions by their first byte.
    counting_sort(&sa, &rank, &mut count[..257], &mut order);
    std::mem::swap(&mut sa, &mut order);
    let mut classes = rerank(&sa, &mut rank, &mut next, 0);
    let mut k = 1;
    while classes < n {
        // Order by the second key rank[i + k]: suffixes without a partner first (they are
        // ordered already by the first key), then j - k for every j in the current order.
        let mut p = 0;
        for i in n.saturating_sub(k)..n {
            order[p] = i;
            p += 1;
        }
        for &j in &sa {
            if j >= k {
                order[p] = j - k;
                p += 1;
            }
        }
        // Stable counting sort by the first key rank[i].
        counting_sort(&order, &rank, &mut count[..classes + 1], &mut sa);
        classes = rerank(&sa, &mut rank, &mut next, k);
        k *= 2;
    }
    let lcp = kasai(b, &sa);
    (sa, lcp)
}

// Stably writes idx into out ordered by key[idx[..]]; count.len() - 1 is the number of keys.
fn counting_sort(idx: &[usize], key: &[usize], count: &mut [usize], out: &mut [usize]) {
    count.iter_mut().for_each(|c| *c = 0);
    for &i in idx {
        count[key[i] + 1] += 1;
    }
    for b in 1..count.len() {
        count[b] += count[b - 1];
    }
    for &i in idx {
        out[count[key[i]]] = i;
        count[key[i]] += 1;
    }
}

// New ranks 0.. from the sorted order: equal (rank[i], rank[i+k]) pairs share a rank.
// k = 0 means the first key alone. Returns the number of distinct ranks.
fn rerank(sa: &[usize], rank: &mut Vec<usize>, next: &mut Vec<usize>, k: usize) -> usize {
    let n = sa.len();
    let second = |rank: &Vec<usize>, i: usize| if k > 0 && i + k < n { rank[i + k] + 1 } else { 0 };
    next[sa[0]] = 0;
    for r in 1..n {
        let (a, c) = (sa[r - 1], sa[r]);
        let differs = rank[a] != rank[c] || (k > 0 && second(rank, a) != second(rank, c));
        next[c] = next[a] + differs as usize;
    }
    std::mem::swap(rank, next);
    rank[sa[n - 1]] + 1
}

// Kasai: visit suffixes in text order; the match length h drops by at most one per step.
fn kasai(b: &[u8], sa: &[usize]) -> Vec<usize> {
    let n = b.len();
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
        // BUG: h is carried over unchanged; the next suffix is only guaranteed h - 1.
    }
    lcp
}
