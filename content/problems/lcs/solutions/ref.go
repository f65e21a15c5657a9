package main

func lcs(a, b string) int {
	// Two rows of the DP table: prev[j] = LCS of a[:i] and b[:j].
	prev := make([]int32, len(b)+1)
	cur := make([]int32, len(b)+1)
	for i := 0; i < len(a); i++ {
		x := a[i]
		for j := 0; j < len(b); j++ {
			if x == b[j] {
				cur[j+1] = prev[j] + 1
			} else if prev[j+1] > cur[j] {
				cur[j+1] = prev[j+1]
			} else {
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return int(prev[len(b)])
}
