use std::collections::BTreeMap;
use std::collections::HashMap;

// Stamp every use with a counter. The map gives each key its value and last stamp; an ordered
// map from stamp to key finds the least recently used key as its first entry. O(log n) per op.
fn lru_cache(capacity: usize, ops: &[Op]) -> (Vec<i64>, usize) {
    let mut cache: HashMap<i64, (i64, u64)> = HashMap::new();
    let mut order: BTreeMap<u64, i64> = BTreeMap::new();
    let mut time: u64 = 0;
    let mut results = Vec::new();
    let mut evictions = 0;
    for op in ops.iter() {
        time += 1;
        match op {
            Op::Get(key) => {
                if cache.contains_key(key) {
                    let (value, stamp) = cache[key];
                    order.remove(&stamp);
                    order.insert(time, *key);
                    cache.insert(*key, (value, time));
                    results.push(value);
                } else {
                    results.push(-1);
                }
            }
            Op::Put(key, value) => {
                if cache.contains_key(key) {
                    let (_, stamp) = cache[key];
                    order.remove(&stamp);
                } else if cache.len() == capacity {
                    let (&oldest, &old_key) = order.iter().next().unwrap();
                    order.remove(&oldest);
                    cache.remove(&old_key);
                    evictions += 1;
                }
                order.insert(time, *key);
                cache.insert(*key, (*value, time));
            }
        }
    }
    (results, evictions)
}
