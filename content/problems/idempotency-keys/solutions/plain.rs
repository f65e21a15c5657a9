use std::collections::HashMap;

#[derive(Clone)]
struct Entry {
    created: i64,
    merchant: String,
    amount: i64,
    currency: String,
    payment_id: u64,
}

fn handle_requests(ttl: i64, requests: &[Request]) -> Vec<String> {
    let mut store: HashMap<String, Entry> = HashMap::new();
    let mut next_id: u64 = 1;
    let mut result: Vec<String> = Vec::new();

    for req in requests {
        let existing = store.get(&req.key).cloned();
        match existing {
            Some(entry) if req.time < entry.created + ttl => {
                if entry.merchant == req.merchant
                    && entry.amount == req.amount
                    && entry.currency == req.currency
                {
                    result.push(format!("REPLAY {}", entry.payment_id));
                } else {
                    result.push("CONFLICT".to_string());
                }
            }
            _ => {
                // no entry yet, or the old one expired: a brand new payment
                let entry = Entry {
                    created: req.time,
                    merchant: req.merchant.clone(),
                    amount: req.amount,
                    currency: req.currency.clone(),
                    payment_id: next_id,
                };
                store.insert(req.key.clone(), entry);
                result.push(format!("CREATED {}", next_id));
                next_id += 1;
            }
        }
    }
    result
}
