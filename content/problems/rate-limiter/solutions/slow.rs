// Keeps no state: every request replays the merchant's whole history from the start.
// Correct, but O(n²): must exceed the time limit on the large tests.
fn rate_limit(capacity: i64, rate: i64, requests: &[(i64, String, i64)]) -> Vec<bool> {
    let full = capacity * 1000;
    let mut out: Vec<bool> = Vec::with_capacity(requests.len());
    for i in 0..requests.len() {
        let (t, merchant, cost) = &requests[i];
        let (mut milli, mut last) = (full, -1i64);
        for j in 0..i {
            let (tj, mj, cj) = &requests[j];
            if mj != merchant {
                continue;
            }
            if last >= 0 {
                milli = full.min(milli + (tj - last) * rate);
            }
            last = *tj;
            if out[j] {
                milli -= cj * 1000;
            }
        }
        if last >= 0 {
            milli = full.min(milli + (t - last) * rate);
        }
        out.push(milli >= cost * 1000);
    }
    out
}
