use std::collections::BTreeSet;

// Correct, but rescans every sample once per distinct function: O(F · total frames), which
// exceeds the time limit on the large tests (2 000 functions, ~10^5 frames).
fn profile_top(samples: &[(i64, Vec<String>)], k: usize) -> (Vec<(String, i64, i64)>, Vec<(String, i64, i64)>) {
    let names: BTreeSet<&String> = samples.iter().flat_map(|(_, s)| s.iter()).collect();
    let mut rows = Vec::new();
    for name in names {
        let (mut flat, mut cum) = (0, 0);
        for (count, stack) in samples {
            if stack.last() == Some(name) {
                flat += count;
            }
            if stack.contains(name) {
                cum += count;
            }
        }
        rows.push((name.clone(), flat, cum));
    }
    let mut by_flat = rows.clone();
    by_flat.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut by_cum = rows;
    by_cum.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    by_flat.truncate(k);
    by_cum.truncate(k);
    (by_flat, by_cum)
}
