// Correct but slow: keeps every outcome recorded since the breaker last closed and recounts
// the failures among the last `window` of them on every call. O(n · N): must exceed the limit.
fn run_breaker(
    window: usize,
    threshold: usize,
    cooldown_ms: i64,
    trials: usize,
    calls: &[(i64, bool)],
) -> (Vec<&'static str>, usize) {
    let mut state = "CLOSED";
    let mut history: Vec<bool> = Vec::new(); // outcomes while closed, true = ok
    let (mut opened_at, mut done, mut transitions) = (0i64, 0usize, 0usize);
    let mut out = Vec::new();
    for &(t, ok) in calls {
        if state == "OPEN" && t - opened_at >= cooldown_ms {
            state = "HALF_OPEN";
            done = 0;
            transitions += 1;
        }
        if state == "OPEN" {
            out.push("SHORT_CIRCUITED");
            continue;
        }
        out.push(if ok { "PASSED_OK" } else { "PASSED_FAIL" });
        if state == "CLOSED" {
            history.push(ok);
            let from = history.len().saturating_sub(window);
            let fails = history[from..].iter().filter(|&&o| !o).count();
            if fails >= threshold {
                state = "OPEN";
                opened_at = t;
                transitions += 1;
            }
        } else {
            done += 1;
            if !ok {
                state = "OPEN";
                opened_at = t;
                transitions += 1;
            } else if done == trials {
                state = "CLOSED";
                history.clear();
                transitions += 1;
            }
        }
    }
    (out, transitions)
}
