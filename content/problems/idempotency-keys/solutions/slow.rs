// Linear search: every request scans the whole history for the latest creation with its key.
// O(n²) when most keys are distinct: must exceed the time limit.
fn handle_requests(ttl: i64, requests: &[Request]) -> Vec<String> {
    let mut created: Vec<(usize, u64)> = Vec::new(); // (request index, payment id)
    let mut out = Vec::with_capacity(requests.len());
    for (i, r) in requests.iter().enumerate() {
        let mut hit = None;
        for &(j, id) in created.iter() {
            if requests[j].key == r.key {
                hit = Some((j, id)); // keep the latest
            }
        }
        match hit {
            Some((j, id)) if r.time < requests[j].time + ttl => {
                let f = &requests[j];
                if f.merchant == r.merchant && f.amount == r.amount && f.currency == r.currency {
                    out.push(format!("REPLAY {id}"));
                } else {
                    out.push("CONFLICT".to_string());
                }
            }
            _ => {
                let id = created.len() as u64 + 1;
                created.push((i, id));
                out.push(format!("CREATED {id}"));
            }
        }
    }
    out
}
