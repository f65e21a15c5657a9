// A Vec of (key, value) from least to most recently used: every operation scans it and moves
// the entry to the end. Correct, but O(capacity) per operation: must exceed the time limit.
fn lru_cache(capacity: usize, ops: &[Op]) -> (Vec<i64>, usize) {
    let mut cache: Vec<(i64, i64)> = Vec::new();
    let mut results = Vec::new();
    let mut evictions = 0;
    for op in ops {
        match *op {
            Op::Get(key) => match cache.iter().position(|&(k, _)| k == key) {
                Some(i) => {
                    let e = cache.remove(i);
                    cache.push(e);
                    results.push(e.1);
                }
                None => results.push(-1),
            },
            Op::Put(key, value) => {
                if let Some(i) = cache.iter().position(|&(k, _)| k == key) {
                    cache.remove(i);
                } else if cache.len() == capacity {
                    cache.remove(0);
                    evictions += 1;
                }
                cache.push((key, value));
            }
        }
    }
    (results, evictions)
}
