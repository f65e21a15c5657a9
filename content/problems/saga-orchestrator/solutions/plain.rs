use std::collections::HashMap;

// Written the way people usually do it: String keys, the full list of issued commands kept as
// strings per saga, clones, and the output built with format!. Must still be accepted.
#[derive(Clone)]
struct SagaState {
    status: String,
    pending: String, // "D2", "U0", ...
    fails: i64,
    commands: Vec<String>,
    undone: Vec<String>,
}

fn run_sagas(retries: &[i64], events: &[Event]) -> Vec<String> {
    let k = retries.len();
    let mut sagas: HashMap<String, SagaState> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    for e in events {
        let id = e.saga.to_string();
        if e.kind == "START" {
            if !sagas.contains_key(&id) {
                let st = SagaState {
                    status: "RUNNING".to_string(),
                    pending: "D0".to_string(),
                    fails: 0,
                    commands: vec!["D0".to_string()],
                    undone: vec![],
                };
                sagas.insert(id.clone(), st);
                order.push(id.clone());
            }
            continue;
        }
        let mut st = match sagas.get(&id) {
            Some(s) => s.clone(),
            None => continue,
        };
        if st.status == "COMPLETED" || st.status == "COMPENSATED" {
            continue;
        }
        let cmd = format!("{}{}", if e.undo { "U" } else { "D" }, e.step);
        if cmd != st.pending {
            continue;
        }
        let step = e.step;
        if e.undo {
            if e.kind == "OK" {
                st.undone.push(step.to_string());
                if step == 0 {
                    st.status = "COMPENSATED".to_string();
                } else {
                    st.pending = format!("U{}", step - 1);
                    st.commands.push(st.pending.clone());
                }
            } else {
                st.commands.push(st.pending.clone());
            }
        } else if e.kind == "OK" {
            if step == k - 1 {
                st.status = "COMPLETED".to_string();
            } else {
                st.pending = format!("D{}", step + 1);
                st.fails = 0;
                st.commands.push(st.pending.clone());
            }
        } else {
            let mut give_up = e.kind == "FATAL";
            if !give_up {
                st.fails += 1;
                if st.fails <= retries[step] {
                    st.commands.push(st.pending.clone());
                } else {
                    give_up = true;
                }
            }
            if give_up {
                if step == 0 {
                    st.status = "COMPENSATED".to_string();
                } else {
                    st.status = "COMPENSATING".to_string();
                    st.pending = format!("U{}", step - 1);
                    st.commands.push(st.pending.clone());
                }
            }
        }
        sagas.insert(id, st);
    }
    let mut out = Vec::new();
    for id in &order {
        let st = &sagas[id];
        let detail = if st.status == "COMPLETED" {
            "-".to_string()
        } else if st.status == "COMPENSATED" {
            if st.undone.is_empty() { "-".to_string() } else { st.undone.join(",") }
        } else {
            st.pending.clone()
        };
        out.push(format!("{} {} {} {}", id, st.status, st.commands.len(), detail));
    }
    out
}
