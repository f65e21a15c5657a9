use std::collections::HashMap;

// The usual shape: group the windows by merchant in a HashMap, sort the merchant ids, sort
// each merchant's windows by start and merge them with a Vec used as a stack.
fn merge_windows(windows: &[(String, i64, i64)]) -> Vec<(String, i64, i64)> {
    let mut by_merchant: HashMap<String, Vec<Vec<i64>>> = HashMap::new();
    for w in windows {
        by_merchant.entry(w.0.clone()).or_insert_with(Vec::new).push(vec![w.1, w.2]);
    }
    let mut merchants: Vec<String> = by_merchant.keys().cloned().collect();
    merchants.sort();
    let mut result = Vec::new();
    for m in merchants {
        let mut list = by_merchant[&m].clone();
        list.sort_by(|a, b| a[0].cmp(&b[0]));
        let mut merged: Vec<Vec<i64>> = Vec::new();
        for w in list {
            if let Some(last) = merged.last_mut() {
                if w[0] <= last[1] {
                    last[1] = last[1].max(w[1]);
                    continue;
                }
            }
            merged.push(w);
        }
        for w in merged {
            result.push((m.clone(), w[0], w[1]));
        }
    }
    result
}
