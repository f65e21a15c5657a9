use std::collections::HashMap;

// Checks "is the cache full?" before "is the key already cached?": a PUT that only updates a
// cached key in a full cache still evicts the least recently used key. Must get WA.
struct Node {
    key: i64,
    value: i64,
    prev: usize,
    next: usize,
}

fn lru_cache(capacity: usize, ops: &[Op]) -> (Vec<i64>, usize) {
    // Slot 0 is the sentinel: nodes[0].next is the most recent, nodes[0].prev the least.
    let mut nodes = vec![Node { key: 0, value: 0, prev: 0, next: 0 }];
    let mut free: Vec<usize> = Vec::new();
    let mut slot: HashMap<i64, usize> = HashMap::new();
    let mut results = Vec::new();
    let mut evictions = 0;
    fn unlink(nodes: &mut [Node], i: usize) {
        let (p, n) = (nodes[i].prev, nodes[i].next);
        nodes[p].next = n;
        nodes[n].prev = p;
    }
    fn push_front(nodes: &mut [Node], i: usize) {
        let first = nodes[0].next;
        nodes[i].prev = 0;
        nodes[i].next = first;
        nodes[first].prev = i;
        nodes[0].next = i;
    }
    for op in ops {
        match *op {
            Op::Get(key) => match slot.get(&key) {
                Some(&i) => {
                    unlink(&mut nodes, i);
                    push_front(&mut nodes, i);
                    results.push(nodes[i].value);
                }
                None => results.push(-1),
            },
            Op::Put(key, value) => {
                if slot.len() == capacity {
                    let lru = nodes[0].prev;
                    unlink(&mut nodes, lru);
                    slot.remove(&nodes[lru].key);
                    free.push(lru);
                    evictions += 1;
                }
                if let Some(&i) = slot.get(&key) {
                    nodes[i].value = value;
                    unlink(&mut nodes, i);
                    push_front(&mut nodes, i);
                    continue;
                }
                let i = match free.pop() {
                    Some(i) => {
                        nodes[i].key = key;
                        nodes[i].value = value;
                        i
                    }
                    None => {
                        nodes.push(Node { key, value, prev: 0, next: 0 });
                        nodes.len() - 1
                    }
                };
                push_front(&mut nodes, i);
                slot.insert(key, i);
            }
        }
    }
    (results, evictions)
}
