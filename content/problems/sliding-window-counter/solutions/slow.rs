// Sliding log without keyed state: every event scans the stream backwards until it leaves the
// window. Correct, but O(n²) when the window holds many events: must exceed the time limit.
fn velocity(window: i64, limit: usize, events: &[(i64, String, i64)]) -> Vec<(usize, i64, bool)> {
    let mut out = Vec::with_capacity(events.len());
    for (i, (t, card, _)) in events.iter().enumerate() {
        let (mut count, mut sum) = (0usize, 0i64);
        for (tj, cj, aj) in events[..=i].iter().rev() {
            if *tj <= t - window {
                break;
            }
            if cj == card {
                count += 1;
                sum += aj;
            }
        }
        out.push((count, sum, count > limit));
    }
    out
}
