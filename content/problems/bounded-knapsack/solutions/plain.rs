// The textbook way: split every type into binary pieces, then the classic 2-D 0/1 table
// dp[i][j] = best value using the first i pieces within capacity j.
fn bounded_knapsack(capacity: usize, items: &[(usize, i64, usize)]) -> i64 {
    let mut pieces: Vec<(usize, i64)> = Vec::new();
    for item in items.iter() {
        let (w, v, c) = item.clone();
        let mut k = 1;
        let mut left = c;
        while left >= k {
            pieces.push((w * k, v * k as i64));
            left -= k;
            k *= 2;
        }
        if left > 0 {
            pieces.push((w * left, v * left as i64));
        }
    }
    let n = pieces.len();
    let mut dp: Vec<Vec<i64>> = vec![vec![0; capacity + 1]; n + 1];
    for i in 1..=n {
        let (pw, pv) = pieces[i - 1];
        for j in 0..=capacity {
            dp[i][j] = dp[i - 1][j];
            if j >= pw && dp[i - 1][j - pw] + pv > dp[i][j] {
                dp[i][j] = dp[i - 1][j - pw] + pv;
            }
        }
    }
    dp[n][capacity]
}
