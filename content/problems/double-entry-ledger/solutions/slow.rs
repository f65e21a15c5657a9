// Correct but slow: keeps only the list of accepted entries and answers each query by
// re-adding every posting of the first `after` transactions. O(Q · P): must exceed the limit.
fn run_ledger(kinds: &[u8], events: &[Event]) -> Vec<String> {
    let m = kinds.len();
    let mut raw = vec![0i64; m];
    let mut book: Vec<(usize, &Vec<(usize, i64)>)> = Vec::new();
    let mut out = Vec::new();
    let mut t = 0usize;
    for ev in events {
        match ev {
            Event::Query { account, after } => {
                let mut r = 0i64;
                for &(tx, postings) in &book {
                    if tx > *after {
                        break;
                    }
                    for &(a, x) in postings.iter() {
                        if a == *account {
                            r += x;
                        }
                    }
                }
                out.push(if kinds[*account] == b'A' { r } else { -r }.to_string());
            }
            Event::Txn(postings) => {
                t += 1;
                if postings.iter().map(|&(_, x)| x).sum::<i64>() != 0 {
                    out.push("REJECTED UNBALANCED".to_string());
                    continue;
                }
                let mut trial = raw.clone(); // O(m) per entry: also slow, but simple
                for &(a, x) in postings {
                    trial[a] += x;
                }
                let bad = postings.iter().map(|&(a, _)| a).filter(|&a| kinds[a] == b'W' && trial[a] > 0).min();
                match bad {
                    Some(a) => out.push(format!("REJECTED INSUFFICIENT_FUNDS {a}")),
                    None => {
                        raw = trial;
                        book.push((t, postings));
                        out.push("ACCEPTED".to_string());
                    }
                }
            }
        }
    }
    out
}
