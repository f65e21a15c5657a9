package main

import "sort"

// Sorts the suffix start positions by comparing whole suffixes (s[i:] < s[j:]): O(n log n)
// comparisons, each O(n) on repetitive text, so O(n^2 log n). Must TLE on "aaaa...".
func suffixArray(s string) ([]int, []int) {
	n := len(s)
	sa := make([]int, n)
	for i := range sa {
		sa[i] = i
	}
	sort.Slice(sa, func(x, y int) bool { return s[sa[x]:] < s[sa[y]:] })
	pos := make([]int, n)
	for r, i := range sa {
		pos[i] = r
	}
	lcp := make([]int, n)
	h := 0
	for i := 0; i < n; i++ {
		if pos[i] == 0 {
			h = 0
			continue
		}
		j := sa[pos[i]-1]
		for i+h < n && j+h < n && s[i+h] == s[j+h] {
			h++
		}
		lcp[pos[i]] = h
		if h > 0 {
			h--
		}
	}
	return sa, lcp
}
