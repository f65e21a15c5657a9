use std::collections::BTreeMap;

// Repeated pairwise merging: each new window scans the merchant's merged list for every
// window it overlaps or touches, absorbs them and rescans until nothing changes. O(k^2) for
// a merchant with k windows: must TLE on the 50 000-window tests.
fn merge_windows(windows: &[(String, i64, i64)]) -> Vec<(String, i64, i64)> {
    let mut by_merchant: BTreeMap<&str, Vec<(i64, i64)>> = BTreeMap::new();
    for (m, s, e) in windows {
        let list = by_merchant.entry(m.as_str()).or_default();
        let (mut s, mut e) = (*s, *e);
        loop {
            let mut changed = false;
            let mut i = 0;
            while i < list.len() {
                let (a, b) = list[i];
                if a <= e && s <= b {
                    s = s.min(a);
                    e = e.max(b);
                    list.swap_remove(i);
                    changed = true;
                } else {
                    i += 1;
                }
            }
            if !changed {
                break;
            }
        }
        list.push((s, e));
    }
    let mut out = Vec::new();
    for (m, mut list) in by_merchant {
        list.sort();
        for (s, e) in list {
            out.push((m.to_string(), s, e));
        }
    }
    out
}
