package main

// Plain recursion: exponential. Must exceed the time limit.
func lcs(a, b string) int {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if a[len(a)-1] == b[len(b)-1] {
		return lcs(a[:len(a)-1], b[:len(b)-1]) + 1
	}
	return max(lcs(a[:len(a)-1], b), lcs(a, b[:len(b)-1]))
}
