use std::collections::HashMap;

// A hash map from key to a slot in an arena, and a doubly linked list threaded through the
// arena by index, from the most recently used (after the head sentinel) to the least recently
// used (before it). Every operation is O(1) expected.
struct Node {
    key: i64,
    value: i64,
    prev: usize,
    next: usize,
}

const HEAD: usize = 0; // sentinel: HEAD.next is the most recent, HEAD.prev the least recent

fn unlink(nodes: &mut [Node], i: usize) {
    let (p, n) = (nodes[i].prev, nodes[i].next);
    nodes[p].next = n;
    nodes[n].prev = p;
}

fn push_front(nodes: &mut [Node], i: usize) {
    let first = nodes[HEAD].next;
    nodes[i].prev = HEAD;
    nodes[i].next = first;
    nodes[first].prev = i;
    nodes[HEAD].next = i;
}

fn lru_cache(capacity: usize, ops: &[Op]) -> (Vec<i64>, usize) {
    let mut nodes: Vec<Node> = Vec::with_capacity(capacity.min(ops.len()) + 1);
    nodes.push(Node { key: 0, value: 0, prev: HEAD, next: HEAD });
    let mut slot: HashMap<i64, usize> = HashMap::with_capacity(capacity.min(ops.len()));
    let mut results = Vec::new();
    let mut evictions = 0;
    for &op in ops {
        match op {
            Op::Get(key) => match slot.get(&key) {
                Some(&i) => {
                    unlink(&mut nodes, i);
                    push_front(&mut nodes, i);
                    results.push(nodes[i].value);
                }
                None => results.push(-1),
            },
            Op::Put(key, value) => {
                if let Some(&i) = slot.get(&key) {
                    nodes[i].value = value;
                    unlink(&mut nodes, i);
                    push_front(&mut nodes, i);
                    continue;
                }
                let i = if slot.len() == capacity {
                    // Full: reuse the least recently used node's slot for the new key.
                    let lru = nodes[HEAD].prev;
                    unlink(&mut nodes, lru);
                    slot.remove(&nodes[lru].key);
                    evictions += 1;
                    nodes[lru].key = key;
                    nodes[lru].value = value;
                    lru
                } else {
                    nodes.push(Node { key, value, prev: HEAD, next: HEAD });
                    nodes.len() - 1
                };
                push_front(&mut nodes, i);
                slot.insert(key, i);
            }
        }
    }
    (results, evictions)
}
