use std::collections::HashMap;

// Event sourcing without snapshots: on every event, rebuild the payment's state by replaying all
// of its accepted events from the start. O(k²) for a payment with k events: a payment with tens
// of thousands of partial refunds must exceed the time limit.
fn process_events(events: &[Event]) -> Vec<String> {
    let mut history: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut out: Vec<String> = Vec::new();
    // (state, amount, captured, refunded) after replaying a history.
    let replay = |h: &[usize]| {
        let (mut state, mut amount, mut captured, mut refunded) = ("CREATED", 0i64, 0i64, 0i64);
        for &i in h {
            let e = &events[i];
            match e.kind.as_str() {
                "CREATE" => amount = e.amount,
                "SUBMIT" => state = "PENDING",
                "AUTHORIZE" => state = "AUTHORIZED",
                "FAIL" => state = "FAILED",
                "VOID" => state = "VOIDED",
                "CAPTURE" => {
                    state = "CAPTURED";
                    captured = e.amount;
                }
                _ => {
                    refunded += e.amount;
                    state = if refunded == captured { "REFUNDED" } else { "PARTIALLY_REFUNDED" };
                }
            }
        }
        (state, amount, captured, refunded)
    };
    for (i, e) in events.iter().enumerate() {
        let Some(h) = history.get_mut(&e.payment) else {
            if e.kind == "CREATE" {
                history.insert(e.payment, vec![i]);
                out.push("OK".to_string());
            } else {
                out.push("UNKNOWN_PAYMENT".to_string());
            }
            continue;
        };
        let (state, amount, captured, refunded) = replay(h);
        let verdict = match (e.kind.as_str(), state) {
            ("SUBMIT", "CREATED") => "OK",
            ("AUTHORIZE", "CREATED" | "PENDING") => "OK",
            ("FAIL", "CREATED" | "PENDING") => "OK",
            ("VOID", "AUTHORIZED") => "OK",
            ("CAPTURE", "AUTHORIZED") => {
                if e.amount > amount {
                    "AMOUNT_EXCEEDED"
                } else {
                    "OK"
                }
            }
            ("REFUND", "CAPTURED" | "PARTIALLY_REFUNDED") => {
                if refunded + e.amount > captured {
                    "AMOUNT_EXCEEDED"
                } else {
                    "OK"
                }
            }
            _ => "INVALID_TRANSITION",
        };
        if verdict == "OK" {
            h.push(i);
        }
        out.push(verdict.to_string());
    }
    let mut ids: Vec<u64> = history.keys().copied().collect();
    ids.sort();
    for id in ids {
        let (state, _, _, refunded) = replay(&history[&id]);
        out.push(format!("{id} {state} {refunded}"));
    }
    out
}
