use std::collections::{HashMap, HashSet};

// The way it is usually written: String-keyed maps for flat and cum, a fresh HashSet per
// sample to count each function once, then clone everything into rows and sort twice.
fn profile_top(samples: &[(i64, Vec<String>)], k: usize) -> (Vec<(String, i64, i64)>, Vec<(String, i64, i64)>) {
    let mut flat: HashMap<String, i64> = HashMap::new();
    let mut cum: HashMap<String, i64> = HashMap::new();
    for (count, stack) in samples {
        let mut seen: HashSet<String> = HashSet::new();
        for f in stack {
            if seen.insert(f.clone()) {
                *cum.entry(f.clone()).or_insert(0) += count;
            }
            flat.entry(f.clone()).or_insert(0);
        }
        if let Some(leaf) = stack.last() {
            *flat.get_mut(leaf).unwrap() += count;
        }
    }
    let mut rows: Vec<(String, i64, i64)> = Vec::new();
    for (name, c) in &cum {
        rows.push((name.clone(), flat[name], *c));
    }
    let mut by_flat = rows.clone();
    by_flat.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut by_cum = rows.clone();
    by_cum.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    by_flat.truncate(k);
    by_cum.truncate(k);
    (by_flat, by_cum)
}
