// Keeps the points unsorted and scans the whole ring for every lookup: the smallest point
// >= the key's hash, else the smallest point overall. Correct, but O(N·V) per lookup and
// O(K·N·V) per change: must exceed the time limit on the 200 × 100-point ring.
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

fn owner(points: &[(u64, String)], kh: u64) -> String {
    let mut best: Option<&(u64, String)> = None; // smallest point >= kh
    let mut first: Option<&(u64, String)> = None; // smallest point overall
    for p in points {
        if first.map_or(true, |f| (p.0, &p.1) < (f.0, &f.1)) {
            first = Some(p);
        }
        if p.0 >= kh && best.map_or(true, |b| (p.0, &p.1) < (b.0, &b.1)) {
            best = Some(p);
        }
    }
    best.or(first).unwrap().1.clone()
}

fn consistent_hashing(replicas: usize, nodes: &[String], keys: &[String], ops: &[Op]) -> Vec<String> {
    let mut points: Vec<(u64, String)> = Vec::new();
    let add = |points: &mut Vec<(u64, String)>, n: &str| {
        for i in 0..replicas {
            points.push((h(format!("{n}#{i}").as_bytes()), n.to_string()));
        }
    };
    for n in nodes {
        add(&mut points, n);
    }
    let mut owners: Vec<String> = keys.iter().map(|k| owner(&points, h(k.as_bytes()))).collect();
    let mut out = Vec::new();
    for op in ops {
        match op {
            Op::Owner(k) => {
                out.push(owner(&points, h(k.as_bytes())));
                continue;
            }
            Op::Add(n) => add(&mut points, n),
            Op::Remove(n) => points.retain(|p| &p.1 != n),
        }
        let mut moved = 0;
        for (i, k) in keys.iter().enumerate() {
            let now = owner(&points, h(k.as_bytes()));
            if now != owners[i] {
                moved += 1;
                owners[i] = now;
            }
        }
        out.push(moved.to_string());
    }
    out
}
