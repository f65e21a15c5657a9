use std::collections::VecDeque;

#[derive(Debug, Clone, PartialEq)]
enum State {
    Closed,
    Open,
    HalfOpen,
}

struct Breaker {
    state: State,
    window: VecDeque<bool>, // true = the call failed
    failures: usize,
    opened_at: i64,
    successes: usize,
    transitions: usize,
}

fn run_breaker(
    window: usize,
    threshold: usize,
    cooldown_ms: i64,
    trials: usize,
    calls: &[(i64, bool)],
) -> (Vec<&'static str>, usize) {
    let mut b = Breaker {
        state: State::Closed,
        window: VecDeque::new(),
        failures: 0,
        opened_at: 0,
        successes: 0,
        transitions: 0,
    };
    let mut result = Vec::new();

    for &(t, ok) in calls {
        if b.state == State::Open && t - b.opened_at >= cooldown_ms {
            b.state = State::HalfOpen;
            b.successes = 0;
            b.transitions += 1;
        }

        match b.state {
            State::Open => {
                result.push("SHORT_CIRCUITED");
            }
            State::Closed => {
                result.push(if ok { "PASSED_OK" } else { "PASSED_FAIL" });
                b.window.push_back(!ok);
                if !ok {
                    b.failures += 1;
                }
                if b.window.len() > window {
                    if let Some(true) = b.window.pop_front() {
                        b.failures -= 1;
                    }
                }
                if b.failures >= threshold {
                    b.state = State::Open;
                    b.opened_at = t;
                    b.transitions += 1;
                }
            }
            State::HalfOpen => {
                result.push(if ok { "PASSED_OK" } else { "PASSED_FAIL" });
                if ok {
                    b.successes += 1;
                    if b.successes == trials {
                        b.state = State::Closed;
                        b.window.clear();
                        b.failures = 0;
                        b.transitions += 1;
                    }
                } else {
                    b.state = State::Open;
                    b.opened_at = t;
                    b.transitions += 1;
                }
            }
        }
    }
    (result, b.transitions)
}
