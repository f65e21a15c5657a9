// The obvious loop: every payment scans every rule and keeps the best match by
// (specificity, width, index). Correct, but O(R·Q): must exceed the time limit on the
// large tests.
fn quote_fees(rules: &[Rule], payments: &[Payment]) -> Vec<i64> {
    let mut out = Vec::with_capacity(payments.len());
    for p in payments {
        let mut best: Option<(u8, i64, usize)> = None;
        for (i, r) in rules.iter().enumerate() {
            let net_any = r.network == "*";
            let cty_any = r.country == "*";
            if (!net_any && r.network != p.network) || (!cty_any && r.country != p.country) {
                continue;
            }
            if p.amount < r.min || p.amount >= r.max {
                continue;
            }
            let level = 2 * net_any as u8 + cty_any as u8; // (n,c) < (n,*) < (*,c) < (*,*)
            let key = (level, r.max - r.min, i);
            if best.map_or(true, |b| key < b) {
                best = Some(key);
            }
        }
        out.push(match best {
            Some((_, _, i)) => (p.amount * rules[i].bps + 5000) / 10000 + rules[i].fixed,
            None => -1,
        });
    }
    out
}
