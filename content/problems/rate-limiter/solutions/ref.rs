use std::collections::HashMap;

// One token bucket per merchant, in milli-tokens: `rate` tokens per second is exactly `rate`
// milli-tokens per millisecond, so the refill is exact integer arithmetic. O(n) expected.
fn rate_limit(capacity: i64, rate: i64, requests: &[(i64, String, i64)]) -> Vec<bool> {
    let full = capacity * 1000;
    // merchant -> (milli-tokens, time of the last update)
    let mut buckets: HashMap<&str, (i64, i64)> = HashMap::with_capacity(requests.len());
    let mut out = Vec::with_capacity(requests.len());
    for (t, merchant, cost) in requests {
        let b = buckets.entry(merchant.as_str()).or_insert((full, *t)); // new merchant: full
        b.0 = full.min(b.0 + (t - b.1) * rate);
        b.1 = *t;
        let need = cost * 1000;
        if b.0 >= need {
            b.0 -= need;
            out.push(true);
        } else {
            out.push(false);
        }
    }
    out
}
