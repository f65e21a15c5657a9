// Tempting but wrong: applies each posting as it is read and only then checks the entry, so a
// rejected entry leaves its earlier postings on the books (no rollback). Must get WA.
fn run_ledger(kinds: &[u8], events: &[Event]) -> Vec<String> {
    let m = kinds.len();
    let mut raw = vec![0i64; m];
    let mut hist: Vec<Vec<(usize, i64)>> = vec![Vec::new(); m];
    let mut out = Vec::new();
    let mut t = 0usize;
    for ev in events {
        match ev {
            Event::Query { account, after } => {
                let h = &hist[*account];
                let n = h.partition_point(|&(tx, _)| tx <= *after);
                out.push(if n == 0 { 0 } else { h[n - 1].1 }.to_string());
            }
            Event::Txn(postings) => {
                t += 1;
                let mut sum = 0i64;
                let mut verdict = "ACCEPTED".to_string();
                for &(a, x) in postings {
                    sum += x;
                    raw[a] += x;
                    let b = if kinds[a] == b'A' { raw[a] } else { -raw[a] };
                    if hist[a].last().map(|h| h.0) == Some(t) {
                        hist[a].last_mut().unwrap().1 = b;
                    } else {
                        hist[a].push((t, b));
                    }
                    if kinds[a] == b'W' && b < 0 && verdict == "ACCEPTED" {
                        verdict = format!("REJECTED INSUFFICIENT_FUNDS {a}");
                    }
                }
                if sum != 0 {
                    verdict = "REJECTED UNBALANCED".to_string();
                }
                out.push(verdict);
            }
        }
    }
    out
}
