use std::collections::HashMap;

// Tempting but wrong: adds the sample's count to cum for every frame, so a function that
// recurses (appears several times on one stack) is charged several times per sample.
fn profile_top(samples: &[(i64, Vec<String>)], k: usize) -> (Vec<(String, i64, i64)>, Vec<(String, i64, i64)>) {
    let mut acc: HashMap<&str, (i64, i64)> = HashMap::new();
    for (count, stack) in samples {
        for f in stack {
            acc.entry(f.as_str()).or_insert((0, 0)).1 += count;
        }
        if let Some(leaf) = stack.last() {
            acc.get_mut(leaf.as_str()).unwrap().0 += count;
        }
    }
    let rows: Vec<(String, i64, i64)> = acc.iter().map(|(n, &(f, c))| (n.to_string(), f, c)).collect();
    let mut by_flat = rows.clone();
    by_flat.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut by_cum = rows;
    by_cum.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    by_flat.truncate(k);
    by_cum.truncate(k);
    (by_flat, by_cum)
}
