use std::collections::HashMap;

// Ignores only events for finished sagas: any result for a running saga is taken as the result
// of its pending command, so duplicates and stale deliveries advance it. Must get WA.
struct Saga {
    state: u8, // 0 running, 1 compensating, 2 completed, 3 compensated
    step: usize, // the pending command's step (forward while running, undo while compensating)
    fails: i64,  // failures of the pending forward step
    issued: u64,
    undone: Vec<usize>,
}

fn run_sagas(retries: &[i64], events: &[Event]) -> Vec<String> {
    let k = retries.len();
    let mut index: HashMap<u64, usize> = HashMap::new();
    let mut sagas: Vec<(u64, Saga)> = Vec::new(); // in order of START
    for e in events {
        if e.kind == "START" {
            if !index.contains_key(&e.saga) {
                index.insert(e.saga, sagas.len());
                let s = Saga { state: 0, step: 0, fails: 0, issued: 1, undone: Vec::new() };
                sagas.push((e.saga, s));
            }
            continue;
        }
        let Some(&i) = index.get(&e.saga) else { continue };
        let s = &mut sagas[i].1;
        // Only the result of the pending command counts: finished sagas, the other direction
        // or another step mean a duplicate or a stale delivery.
        if s.state >= 2 {
            continue;
        }
        let e = &Event { saga: e.saga, kind: e.kind.clone(), undo: s.state == 1, step: s.step };
        if e.undo {
            if e.kind == "OK" {
                s.undone.push(e.step);
                if e.step == 0 {
                    s.state = 3;
                } else {
                    s.step -= 1;
                    s.issued += 1;
                }
            } else {
                s.issued += 1; // a compensation is retried until it succeeds
            }
            continue;
        }
        if e.kind == "OK" {
            if e.step + 1 == k {
                s.state = 2;
            } else {
                s.step += 1;
                s.fails = 0;
                s.issued += 1;
            }
            continue;
        }
        if e.kind != "FATAL" {
            s.fails += 1;
            if s.fails <= retries[e.step] {
                s.issued += 1; // retry the same step
                continue;
            }
        }
        // Give up on this step: undo the completed steps step-1 .. 0, never this one.
        if e.step == 0 {
            s.state = 3;
        } else {
            s.state = 1;
            s.step -= 1;
            s.issued += 1;
        }
    }
    sagas
        .iter()
        .map(|(id, s)| {
            let (name, detail) = match s.state {
                0 => ("RUNNING", format!("D{}", s.step)),
                1 => ("COMPENSATING", format!("U{}", s.step)),
                2 => ("COMPLETED", "-".to_string()),
                _ if s.undone.is_empty() => ("COMPENSATED", "-".to_string()),
                _ => {
                    let parts: Vec<String> = s.undone.iter().map(|x| x.to_string()).collect();
                    ("COMPENSATED", parts.join(","))
                }
            };
            format!("{} {} {} {}", id, name, s.issued, detail)
        })
        .collect()
}
