use std::collections::HashMap;

fn run_ledger(kinds: &[u8], events: &[Event]) -> Vec<String> {
    let m = kinds.len();
    // balance of every account in its own convention
    let mut balance: Vec<i64> = vec![0; m];
    // history[a] = list of (transaction number, balance after it)
    let mut history: Vec<Vec<(usize, i64)>> = vec![Vec::new(); m];
    let mut result: Vec<String> = Vec::new();
    let mut txn_no = 0;

    for event in events {
        match event {
            Event::Txn(postings) => {
                txn_no += 1;
                let total: i64 = postings.iter().map(|p| p.1).sum();
                if total != 0 {
                    result.push("REJECTED UNBALANCED".to_string());
                    continue;
                }

                // net change per account, in that account's convention
                let mut changes: HashMap<usize, i64> = HashMap::new();
                for &(acc, amt) in postings {
                    let delta = if kinds[acc] == b'A' { amt } else { -amt };
                    *changes.entry(acc).or_insert(0) += delta;
                }

                let mut bad: Option<usize> = None;
                for (&acc, &delta) in &changes {
                    if kinds[acc] == b'W' && balance[acc] + delta < 0 {
                        bad = match bad {
                            Some(b) if b < acc => Some(b),
                            _ => Some(acc),
                        };
                    }
                }

                match bad {
                    Some(acc) => result.push(format!("REJECTED INSUFFICIENT_FUNDS {}", acc)),
                    None => {
                        for (&acc, &delta) in &changes {
                            if delta != 0 {
                                balance[acc] += delta;
                                history[acc].push((txn_no, balance[acc]));
                            }
                        }
                        result.push("ACCEPTED".to_string());
                    }
                }
            }
            Event::Query { account, after } => {
                let h = &history[*account];
                // last change with transaction number <= after
                let mut lo = 0;
                let mut hi = h.len();
                while lo < hi {
                    let mid = (lo + hi) / 2;
                    if h[mid].0 <= *after {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                let bal = if lo == 0 { 0 } else { h[lo - 1].1 };
                result.push(format!("{}", bal));
            }
        }
    }
    result
}
