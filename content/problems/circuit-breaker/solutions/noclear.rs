// Wrong: forgets to clear the window when a half-open breaker closes, so the failures that
// opened it count again and it re-opens too early. Must get WA.
fn run_breaker(
    window: usize,
    threshold: usize,
    cooldown_ms: i64,
    trials: usize,
    calls: &[(i64, bool)],
) -> (Vec<&'static str>, usize) {
    #[derive(PartialEq)]
    enum State {
        Closed,
        Open,
        HalfOpen,
    }
    let mut state = State::Closed;
    let mut ring = vec![false; window]; // true = failure
    let (mut head, mut len, mut fails) = (0usize, 0usize, 0usize);
    let (mut opened_at, mut done, mut transitions) = (0i64, 0usize, 0usize);
    let mut out = Vec::with_capacity(calls.len());
    for &(t, ok) in calls {
        if state == State::Open && t - opened_at >= cooldown_ms {
            state = State::HalfOpen;
            done = 0;
            transitions += 1;
        }
        if state == State::Open {
            out.push("SHORT_CIRCUITED");
            continue;
        }
        out.push(if ok { "PASSED_OK" } else { "PASSED_FAIL" });
        if state == State::Closed {
            // Record the outcome, dropping the oldest one once the window is full.
            if len == window {
                fails -= ring[head] as usize;
            } else {
                len += 1;
            }
            ring[head] = !ok;
            fails += !ok as usize;
            head = (head + 1) % window;
            if fails >= threshold {
                state = State::Open;
                opened_at = t;
                transitions += 1;
            }
        } else {
            done += 1;
            if !ok {
                state = State::Open;
                opened_at = t;
                transitions += 1;
            } else if done == trials {
                state = State::Closed;
                transitions += 1;
            }
        }
    }
    (out, transitions)
}
