// Keeps no window: every transaction rescans the card's whole history from the start and adds
// up the approvals still in the window. Correct, but O(n²) for a busy card: must exceed the
// time limit on the large tests.
fn screen(window: i64, max_amount: i64, max_count: usize, txns: &[(i64, String, i64)]) -> Vec<bool> {
    let mut out: Vec<bool> = Vec::with_capacity(txns.len());
    for i in 0..txns.len() {
        let (t, card, amount) = &txns[i];
        let (mut sum, mut count) = (0i64, 0usize);
        for j in 0..i {
            let (tj, cj, aj) = &txns[j];
            if out[j] && cj == card && *tj > t - window {
                sum += aj;
                count += 1;
            }
        }
        out.push(sum + amount <= max_amount && count + 1 <= max_count);
    }
    out
}
