use std::collections::HashMap;

// A token bucket per merchant, kept in milli-tokens so the refill is exact integer arithmetic.
struct Bucket {
    tokens: i64,
    last: i64,
}

fn rate_limit(capacity: i64, rate: i64, requests: &[(i64, String, i64)]) -> Vec<bool> {
    let max_tokens = capacity * 1000;
    let mut buckets: HashMap<String, Bucket> = HashMap::new();
    let mut result = Vec::new();
    for request in requests.iter() {
        let time = request.0;
        let merchant = request.1.clone();
        let cost = request.2 * 1000;
        if !buckets.contains_key(&merchant) {
            buckets.insert(merchant.clone(), Bucket { tokens: max_tokens, last: time });
        }
        let bucket = buckets.get_mut(&merchant).unwrap();
        let refill = (time - bucket.last) * rate;
        bucket.tokens = std::cmp::min(max_tokens, bucket.tokens + refill);
        bucket.last = time;
        if bucket.tokens >= cost {
            bucket.tokens -= cost;
            result.push(true);
        } else {
            result.push(false);
        }
    }
    result
}
