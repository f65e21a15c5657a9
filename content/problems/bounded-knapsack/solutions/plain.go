package main

// The textbook way: split every type into binary pieces, then the classic 2-D 0/1 table
// dp[i][j] = best value using the first i pieces within capacity j.
func boundedKnapsack(capacity int, items []Item) int64 {
	type piece struct {
		w int
		v int64
	}
	var pieces []piece
	for _, it := range items {
		left := it.Count
		for k := 1; left >= k; k *= 2 {
			pieces = append(pieces, piece{it.Weight * k, it.Value * int64(k)})
			left -= k
		}
		if left > 0 {
			pieces = append(pieces, piece{it.Weight * left, it.Value * int64(left)})
		}
	}
	n := len(pieces)
	dp := make([][]int64, n+1)
	for i := range dp {
		dp[i] = make([]int64, capacity+1)
	}
	for i := 1; i <= n; i++ {
		p := pieces[i-1]
		for j := 0; j <= capacity; j++ {
			dp[i][j] = dp[i-1][j]
			if j >= p.w && dp[i-1][j-p.w]+p.v > dp[i][j] {
				dp[i][j] = dp[i-1][j-p.w] + p.v
			}
		}
	}
	return dp[n][capacity]
}
