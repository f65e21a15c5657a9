use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
enum State {
    Created,
    Pending,
    Authorized,
    Captured,
    PartiallyRefunded,
    Refunded,
    Voided,
    Failed,
}

#[derive(Debug, Clone)]
struct Payment {
    state: State,
    amount: i64,
    captured: i64,
    refunded: i64,
}

fn state_name(s: &State) -> String {
    match s {
        State::Created => "CREATED".to_string(),
        State::Pending => "PENDING".to_string(),
        State::Authorized => "AUTHORIZED".to_string(),
        State::Captured => "CAPTURED".to_string(),
        State::PartiallyRefunded => "PARTIALLY_REFUNDED".to_string(),
        State::Refunded => "REFUNDED".to_string(),
        State::Voided => "VOIDED".to_string(),
        State::Failed => "FAILED".to_string(),
    }
}

fn process_events(events: &[Event]) -> Vec<String> {
    let mut payments: HashMap<u64, Payment> = HashMap::new();
    let mut result: Vec<String> = Vec::new();

    for e in events {
        if !payments.contains_key(&e.payment) {
            if e.kind == "CREATE" {
                payments.insert(
                    e.payment,
                    Payment { state: State::Created, amount: e.amount, captured: 0, refunded: 0 },
                );
                result.push("OK".to_string());
            } else {
                result.push("UNKNOWN_PAYMENT".to_string());
            }
            continue;
        }

        let mut p = payments.get(&e.payment).unwrap().clone();
        let verdict = match e.kind.as_str() {
            "SUBMIT" => match p.state {
                State::Created => {
                    p.state = State::Pending;
                    "OK"
                }
                _ => "INVALID_TRANSITION",
            },
            "AUTHORIZE" => match p.state {
                State::Created | State::Pending => {
                    p.state = State::Authorized;
                    "OK"
                }
                _ => "INVALID_TRANSITION",
            },
            "FAIL" => match p.state {
                State::Created | State::Pending => {
                    p.state = State::Failed;
                    "OK"
                }
                _ => "INVALID_TRANSITION",
            },
            "VOID" => match p.state {
                State::Authorized => {
                    p.state = State::Voided;
                    "OK"
                }
                _ => "INVALID_TRANSITION",
            },
            "CAPTURE" => match p.state {
                State::Authorized => {
                    if e.amount > p.amount {
                        "AMOUNT_EXCEEDED"
                    } else {
                        p.captured = e.amount;
                        p.state = State::Captured;
                        "OK"
                    }
                }
                _ => "INVALID_TRANSITION",
            },
            "REFUND" => match p.state {
                State::Captured | State::PartiallyRefunded => {
                    if p.refunded + e.amount > p.captured {
                        "AMOUNT_EXCEEDED"
                    } else {
                        p.refunded += e.amount;
                        if p.refunded == p.captured {
                            p.state = State::Refunded;
                        } else {
                            p.state = State::PartiallyRefunded;
                        }
                        "OK"
                    }
                }
                _ => "INVALID_TRANSITION",
            },
            // CREATE on an existing payment
            _ => "INVALID_TRANSITION",
        };
        if verdict == "OK" {
            payments.insert(e.payment, p);
        }
        result.push(verdict.to_string());
    }

    let mut ids: Vec<u64> = payments.keys().cloned().collect();
    ids.sort();
    for id in ids {
        let p = &payments[&id];
        result.push(format!("{} {} {}", id, state_name(&p.state), p.refunded));
    }
    result
}
