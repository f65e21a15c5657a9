// Finds the sagas first, then scans the whole log again for each one and replays only its
// events. Correct, but O(sagas × events): must exceed the time limit on the large tests.
fn run_sagas(retries: &[i64], events: &[Event]) -> Vec<String> {
    let k = retries.len();
    let mut ids: Vec<u64> = Vec::new();
    for e in events {
        if e.kind == "START" && !ids.contains(&e.saga) {
            ids.push(e.saga);
        }
    }
    let mut out = Vec::new();
    for &id in &ids {
        // state: 0 not started, 1 running, 2 compensating, 3 completed, 4 compensated
        let (mut state, mut step, mut fails, mut issued) = (0u8, 0usize, 0i64, 0u64);
        let mut undone: Vec<String> = Vec::new();
        for e in events {
            if e.saga != id {
                continue;
            }
            if e.kind == "START" {
                if state == 0 {
                    state = 1;
                    issued = 1;
                }
                continue;
            }
            if state == 0 || state >= 3 || (state == 2) != e.undo || step != e.step {
                continue;
            }
            if e.undo {
                issued += 1;
                if e.kind == "OK" {
                    undone.push(step.to_string());
                    if step == 0 {
                        state = 4;
                        issued -= 1;
                    } else {
                        step -= 1;
                    }
                }
            } else if e.kind == "OK" {
                if step + 1 == k {
                    state = 3;
                } else {
                    step += 1;
                    fails = 0;
                    issued += 1;
                }
            } else {
                if e.kind != "FATAL" {
                    fails += 1;
                    if fails <= retries[step] {
                        issued += 1;
                        continue;
                    }
                }
                if step == 0 {
                    state = 4;
                } else {
                    state = 2;
                    step -= 1;
                    issued += 1;
                }
            }
        }
        let (name, detail) = match state {
            1 => ("RUNNING", format!("D{}", step)),
            2 => ("COMPENSATING", format!("U{}", step)),
            3 => ("COMPLETED", "-".to_string()),
            _ => ("COMPENSATED", if undone.is_empty() { "-".to_string() } else { undone.join(",") }),
        };
        out.push(format!("{} {} {} {}", id, name, issued, detail));
    }
    out
}
