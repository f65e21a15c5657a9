use std::collections::HashMap;

// The ring's hash: 64-bit FNV-1a over the bytes, then the fmix64 finalizer.
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

// A sorted ring of (point, node id) ordered by point, then by node name. A change merges or
// filters the ring in O(N·V) and re-resolves every tracked key by binary search:
// O(N·V + V log V + K log(N·V)) per change, O(log(N·V)) per lookup.
fn consistent_hashing(replicas: usize, nodes: &[String], keys: &[String], ops: &[Op]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut ring: Vec<(u64, u32)> = Vec::new();

    fn id_of(name: &str, names: &mut Vec<String>, ids: &mut HashMap<String, u32>) -> u32 {
        if let Some(&id) = ids.get(name) {
            return id;
        }
        let id = names.len() as u32;
        names.push(name.to_string());
        ids.insert(name.to_string(), id);
        id
    }
    // The first point >= kh, wrapping to the smallest; equal points are sorted by name.
    fn owner(ring: &[(u64, u32)], kh: u64) -> u32 {
        let i = ring.partition_point(|&(p, _)| p < kh);
        ring[if i == ring.len() { 0 } else { i }].1
    }
    fn add(ring: &mut Vec<(u64, u32)>, names: &[String], id: u32, replicas: usize) {
        let name = &names[id as usize];
        let mut label = Vec::with_capacity(name.len() + 8);
        let mut fresh: Vec<(u64, u32)> = (0..replicas)
            .map(|i| {
                label.clear();
                label.extend_from_slice(name.as_bytes());
                label.push(b'#');
                label.extend_from_slice(i.to_string().as_bytes());
                (h(&label), id)
            })
            .collect();
        let less = |a: &(u64, u32), b: &(u64, u32)| {
            a.0 < b.0 || (a.0 == b.0 && names[a.1 as usize] < names[b.1 as usize])
        };
        fresh.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| names[a.1 as usize].cmp(&names[b.1 as usize])));
        let mut merged = Vec::with_capacity(ring.len() + fresh.len());
        let (mut i, mut j) = (0, 0);
        while i < ring.len() || j < fresh.len() {
            if j == fresh.len() || (i < ring.len() && less(&ring[i], &fresh[j])) {
                merged.push(ring[i]);
                i += 1;
            } else {
                merged.push(fresh[j]);
                j += 1;
            }
        }
        *ring = merged;
    }

    // The initial ring: every point at once, one sort.
    for n in nodes {
        let id = id_of(n, &mut names, &mut ids);
        let mut grown = Vec::new();
        add(&mut grown, &names, id, replicas);
        ring.extend(grown);
    }
    ring.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| names[a.1 as usize].cmp(&names[b.1 as usize])));
    let hashes: Vec<u64> = keys.iter().map(|k| h(k.as_bytes())).collect();
    let mut owners: Vec<u32> = hashes.iter().map(|&kh| owner(&ring, kh)).collect();
    let mut out = Vec::with_capacity(ops.len());
    for op in ops {
        match op {
            Op::Owner(key) => {
                out.push(names[owner(&ring, h(key.as_bytes())) as usize].clone());
                continue;
            }
            Op::Add(n) => {
                let id = id_of(n, &mut names, &mut ids);
                add(&mut ring, &names, id, replicas);
            }
            Op::Remove(n) => {
                let id = ids[n.as_str()];
                ring.retain(|&(_, o)| o != id);
            }
        }
        let mut moved = 0;
        for (o, &kh) in owners.iter_mut().zip(&hashes) {
            let now = owner(&ring, kh);
            if now != *o {
                moved += 1;
                *o = now;
            }
        }
        out.push(moved.to_string());
    }
    out
}
