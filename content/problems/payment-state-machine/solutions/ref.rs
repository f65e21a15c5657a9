use std::collections::HashMap;

#[derive(Clone, Copy, PartialEq)]
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

impl State {
    fn name(self) -> &'static str {
        match self {
            State::Created => "CREATED",
            State::Pending => "PENDING",
            State::Authorized => "AUTHORIZED",
            State::Captured => "CAPTURED",
            State::PartiallyRefunded => "PARTIALLY_REFUNDED",
            State::Refunded => "REFUNDED",
            State::Voided => "VOIDED",
            State::Failed => "FAILED",
        }
    }
}

struct Payment {
    state: State,
    amount: i64,
    captured: i64,
    refunded: i64,
}

fn process_events(events: &[Event]) -> Vec<String> {
    use State::*;
    let mut payments: HashMap<u64, Payment> = HashMap::new();
    let mut out: Vec<String> = Vec::with_capacity(events.len());
    for e in events {
        let verdict = match payments.get_mut(&e.payment) {
            None if e.kind == "CREATE" => {
                payments.insert(e.payment, Payment { state: Created, amount: e.amount, captured: 0, refunded: 0 });
                "OK"
            }
            None => "UNKNOWN_PAYMENT",
            Some(p) => match (e.kind.as_str(), p.state) {
                ("SUBMIT", Created) => {
                    p.state = Pending;
                    "OK"
                }
                ("AUTHORIZE", Created | Pending) => {
                    p.state = Authorized;
                    "OK"
                }
                ("FAIL", Created | Pending) => {
                    p.state = Failed;
                    "OK"
                }
                ("VOID", Authorized) => {
                    p.state = Voided;
                    "OK"
                }
                ("CAPTURE", Authorized) if e.amount > p.amount => "AMOUNT_EXCEEDED",
                ("CAPTURE", Authorized) => {
                    p.state = Captured;
                    p.captured = e.amount;
                    "OK"
                }
                ("REFUND", Captured | PartiallyRefunded) if p.refunded + e.amount > p.captured => "AMOUNT_EXCEEDED",
                ("REFUND", Captured | PartiallyRefunded) => {
                    p.refunded += e.amount;
                    p.state = if p.refunded == p.captured { Refunded } else { PartiallyRefunded };
                    "OK"
                }
                _ => "INVALID_TRANSITION",
            },
        };
        out.push(verdict.to_string());
    }
    let mut ids: Vec<u64> = payments.keys().copied().collect();
    ids.sort_unstable();
    for id in ids {
        let p = &payments[&id];
        out.push(format!("{} {} {}", id, p.state.name(), p.refunded));
    }
    out
}
