use std::collections::HashMap;

// Wrong: a live key is always replayed, even when the body differs. A client that reuses a key
// for a different payment silently gets the old payment back instead of a 422.
fn handle_requests(ttl: i64, requests: &[Request]) -> Vec<String> {
    let mut store: HashMap<&str, (i64, u64)> = HashMap::new();
    let mut next_id: u64 = 0;
    let mut out = Vec::with_capacity(requests.len());
    for r in requests {
        match store.get(r.key.as_str()) {
            Some(&(created, id)) if r.time < created + ttl => out.push(format!("REPLAY {id}")),
            _ => {
                next_id += 1;
                store.insert(r.key.as_str(), (r.time, next_id));
                out.push(format!("CREATED {next_id}"));
            }
        }
    }
    out
}
