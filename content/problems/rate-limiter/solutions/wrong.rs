use std::collections::HashMap;

// Refills whole tokens per elapsed whole second and drops the leftover milliseconds: a client
// calling every 999 ms never earns a token back. Must get WA.
fn rate_limit(capacity: i64, rate: i64, requests: &[(i64, String, i64)]) -> Vec<bool> {
    let mut buckets: HashMap<&str, (i64, i64)> = HashMap::new();
    let mut out = Vec::with_capacity(requests.len());
    for (t, merchant, cost) in requests {
        let b = buckets.entry(merchant.as_str()).or_insert((capacity, *t));
        b.0 = capacity.min(b.0 + (t - b.1) / 1000 * rate);
        b.1 = *t;
        if b.0 >= *cost {
            b.0 -= cost;
            out.push(true);
        } else {
            out.push(false);
        }
    }
    out
}
