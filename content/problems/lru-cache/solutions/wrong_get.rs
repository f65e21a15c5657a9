use std::collections::{HashMap, VecDeque};

// Treats a GET as a read only: recency changes on PUT, never on GET, so a key read a moment ago
// can be evicted before one nobody has touched for a long time. Must get WA.
fn lru_cache(capacity: usize, ops: &[Op]) -> (Vec<i64>, usize) {
    // (value, stamp of its last PUT); the queue holds (stamp, key), stale entries skipped.
    let mut cache: HashMap<i64, (i64, u64)> = HashMap::new();
    let mut queue: VecDeque<(u64, i64)> = VecDeque::new();
    let mut results = Vec::new();
    let mut evictions = 0;
    for (t, op) in ops.iter().enumerate() {
        let t = t as u64;
        match *op {
            Op::Get(key) => results.push(cache.get(&key).map_or(-1, |&(v, _)| v)),
            Op::Put(key, value) => {
                if !cache.contains_key(&key) && cache.len() == capacity {
                    while let Some((stamp, k)) = queue.pop_front() {
                        if cache.get(&k).is_some_and(|&(_, s)| s == stamp) {
                            cache.remove(&k);
                            evictions += 1;
                            break;
                        }
                    }
                }
                cache.insert(key, (value, t));
                queue.push_back((t, key));
            }
        }
    }
    (results, evictions)
}
