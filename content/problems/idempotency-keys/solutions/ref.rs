use std::collections::HashMap;

fn handle_requests(ttl: i64, requests: &[Request]) -> Vec<String> {
    // key -> (created at, index of the request that created it, payment id).
    // The creating request's fields are the stored fingerprint.
    let mut store: HashMap<&str, (i64, usize, u64)> = HashMap::with_capacity(requests.len());
    let mut next_id: u64 = 0;
    let mut out = Vec::with_capacity(requests.len());
    for (i, r) in requests.iter().enumerate() {
        match store.get(r.key.as_str()) {
            Some(&(created, first, id)) if r.time < created + ttl => {
                let f = &requests[first];
                if f.merchant == r.merchant && f.amount == r.amount && f.currency == r.currency {
                    out.push(format!("REPLAY {id}"));
                } else {
                    out.push("CONFLICT".to_string());
                }
            }
            _ => {
                next_id += 1;
                store.insert(r.key.as_str(), (r.time, i, next_id));
                out.push(format!("CREATED {next_id}"));
            }
        }
    }
    out
}
