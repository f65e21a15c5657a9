// Check the whole entry before touching any balance; keep, per account, the balance after
// each transaction that changed it, and answer a query by binary search: O((P + Q) log P).
fn run_ledger(kinds: &[u8], events: &[Event]) -> Vec<String> {
    let m = kinds.len();
    let mut raw = vec![0i64; m]; // debits minus credits
    let mut hist: Vec<Vec<(usize, i64)>> = vec![Vec::new(); m];
    let mut net = vec![0i64; m]; // scratch: the entry's net effect per account
    let mut out = Vec::with_capacity(events.len());
    let mut t = 0usize;
    for ev in events {
        match ev {
            Event::Query { account, after } => {
                let h = &hist[*account];
                // Number of changes made by transactions numbered <= after.
                let n = h.partition_point(|&(tx, _)| tx <= *after);
                out.push(if n == 0 { 0 } else { h[n - 1].1 }.to_string());
            }
            Event::Txn(postings) => {
                t += 1;
                let sum: i64 = postings.iter().map(|&(_, x)| x).sum();
                if sum != 0 {
                    out.push("REJECTED UNBALANCED".to_string());
                    continue;
                }
                for &(a, x) in postings {
                    net[a] += x;
                }
                let mut bad = usize::MAX;
                for &(a, _) in postings {
                    // A wallet is credit-normal: its balance is -(raw), and it must stay >= 0.
                    if kinds[a] == b'W' && raw[a] + net[a] > 0 {
                        bad = bad.min(a);
                    }
                }
                if bad == usize::MAX {
                    for &(a, _) in postings {
                        if net[a] != 0 {
                            raw[a] += net[a];
                            let b = if kinds[a] == b'A' { raw[a] } else { -raw[a] };
                            hist[a].push((t, b));
                        }
                        net[a] = 0;
                    }
                    out.push("ACCEPTED".to_string());
                } else {
                    for &(a, _) in postings {
                        net[a] = 0;
                    }
                    out.push(format!("REJECTED INSUFFICIENT_FUNDS {bad}"));
                }
            }
        }
    }
    out
}
