use std::collections::{BTreeMap, HashMap};

// The textbook ring: a BTreeMap from point to node name, range(h..) for the successor, and a
// HashMap<String, String> of key -> owner rebuilt after every change.
fn h(s: &[u8]) -> u64 {
    let mut x: u64 = 0xcbf29ce484222325;
    for &b in s {
        x ^= b as u64;
        x = x.wrapping_mul(0x100000001b3);
    }
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51afd7ed558ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ceb9fe1a85ec53);
    x ^= x >> 33;
    x
}

struct HashRing {
    replicas: usize,
    ring: BTreeMap<(u64, String), String>,
}

impl HashRing {
    fn new(replicas: usize) -> Self {
        HashRing { replicas, ring: BTreeMap::new() }
    }

    fn add_node(&mut self, node: &str) {
        for i in 0..self.replicas {
            let label = format!("{}#{}", node, i);
            let p = h(label.as_bytes());
            self.ring.insert((p, node.to_string()), node.to_string());
        }
    }

    fn remove_node(&mut self, node: &str) {
        for i in 0..self.replicas {
            let label = format!("{}#{}", node, i);
            let p = h(label.as_bytes());
            self.ring.remove(&(p, node.to_string()));
        }
    }

    fn get_node(&self, key: &str) -> String {
        let kh = h(key.as_bytes());
        match self.ring.range((kh, String::new())..).next() {
            Some((_, node)) => node.clone(),
            None => self.ring.values().next().unwrap().clone(),
        }
    }
}

fn consistent_hashing(replicas: usize, nodes: &[String], keys: &[String], ops: &[Op]) -> Vec<String> {
    let mut ring = HashRing::new(replicas);
    for n in nodes {
        ring.add_node(n);
    }
    let mut owners: HashMap<String, String> = HashMap::new();
    for k in keys {
        owners.insert(k.clone(), ring.get_node(k));
    }
    let mut result = Vec::new();
    for op in ops {
        match op {
            Op::Owner(k) => {
                result.push(ring.get_node(k));
                continue;
            }
            Op::Add(n) => ring.add_node(n),
            Op::Remove(n) => ring.remove_node(n),
        }
        let mut moved = 0;
        for k in keys {
            let now = ring.get_node(k);
            if owners[k] != now {
                moved += 1;
                owners.insert(k.clone(), now);
            }
        }
        result.push(moved.to_string());
    }
    result
}
