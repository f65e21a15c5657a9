// Sort the windows by (merchant, start) once, then sweep: a window that starts at or before
// the end of the current merged window (overlapping or touching) extends it, otherwise it
// starts a new one. O(n log n).
fn merge_windows(windows: &[(String, i64, i64)]) -> Vec<(String, i64, i64)> {
    let mut order: Vec<&(String, i64, i64)> = windows.iter().collect();
    order.sort_unstable_by(|a, b| (a.0.as_str(), a.1).cmp(&(b.0.as_str(), b.1)));
    let mut out: Vec<(String, i64, i64)> = Vec::new();
    let mut cur: Option<(&str, i64, i64)> = None;
    for &(ref merchant, start, end) in order {
        match cur {
            Some((m, s, e)) if m == merchant.as_str() && start <= e => cur = Some((m, s, e.max(end))),
            _ => {
                if let Some((m, s, e)) = cur {
                    out.push((m.to_string(), s, e));
                }
                cur = Some((merchant.as_str(), start, end));
            }
        }
    }
    if let Some((m, s, e)) = cur {
        out.push((m.to_string(), s, e));
    }
    out
}
