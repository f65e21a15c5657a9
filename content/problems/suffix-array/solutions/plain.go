package main

import "sort"

// The textbook O(n log^2 n) version: prefix doubling that re-sorts the positions every round
// with sort.Slice on the pair (rank[i], rank[i+k]), then Kasai for the LCP array.
func suffixArray(s string) ([]int, []int) {
	n := len(s)
	sa := make([]int, n)
	rank := make([]int, n)
	for i := 0; i < n; i++ {
		sa[i] = i
		rank[i] = int(s[i])
	}
	tmp := make([]int, n)
	for k := 1; k < n; k *= 2 {
		second := func(i int) int {
			if i+k < n {
				return rank[i+k]
			}
			return -1
		}
		less := func(a, b int) bool {
			if rank[a] != rank[b] {
				return rank[a] < rank[b]
			}
			return second(a) < second(b)
		}
		sort.Slice(sa, func(x, y int) bool { return less(sa[x], sa[y]) })
		tmp[sa[0]] = 0
		for i := 1; i < n; i++ {
			tmp[sa[i]] = tmp[sa[i-1]]
			if less(sa[i-1], sa[i]) {
				tmp[sa[i]]++
			}
		}
		copy(rank, tmp)
		if rank[sa[n-1]] == n-1 {
			break
		}
	}

	pos := make([]int, n)
	for i := range sa {
		pos[sa[i]] = i
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
