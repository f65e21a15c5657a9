package main

// Prefix doubling with two stable counting sorts per round (O(n) per round, at most
// ceil(log2 n) rounds, stopping once all ranks are distinct), then Kasai's O(n) LCP.
// lcp[r] = LCP(suffix sa[r-1], suffix sa[r]); lcp[0] = 0.
func suffixArray(s string) ([]int, []int) {
	n := len(s)
	if n == 0 {
		return []int{}, []int{}
	}
	rank := make([]int, n)
	sa := make([]int, n)
	order := make([]int, n)
	next := make([]int, n)
	count := make([]int, max(n, 256)+1)
	for i := 0; i < n; i++ {
		rank[i] = int(s[i])
		order[i] = i
	}
	// Round 0: sort positions by their first byte.
	countingSort(order, rank, count[:257], sa)
	classes := rerank(sa, rank, next, 0)
	rank, next = next, rank
	for k := 1; classes < n; k *= 2 {
		// Order by the second key rank[i+k]: suffixes without a partner first (already
		// ordered by the first key), then j-k for every j in the current order.
		p := 0
		for i := max(n-k, 0); i < n; i++ {
			order[p] = i
			p++
		}
		for _, j := range sa {
			if j >= k {
				order[p] = j - k
				p++
			}
		}
		// Stable counting sort by the first key rank[i].
		countingSort(order, rank, count[:classes+1], sa)
		classes = rerank(sa, rank, next, k)
		rank, next = next, rank
	}
	return sa, kasai(s, sa)
}

// countingSort stably writes idx into out ordered by key[idx[..]]; len(count)-1 keys.
func countingSort(idx, key, count, out []int) {
	clear(count)
	for _, i := range idx {
		count[key[i]+1]++
	}
	for b := 1; b < len(count); b++ {
		count[b] += count[b-1]
	}
	for _, i := range idx {
		out[count[key[i]]] = i
		count[key[i]]++
	}
}

// rerank writes into next the new ranks 0.. from the sorted order: equal
// (rank[i], rank[i+k]) pairs share a rank; k = 0 means the first key alone.
// It returns the number of distinct ranks.
func rerank(sa, rank, next []int, k int) int {
	n := len(sa)
	second := func(i int) int {
		if k > 0 && i+k < n {
			return rank[i+k] + 1
		}
		return 0
	}
	next[sa[0]] = 0
	for r := 1; r < n; r++ {
		a, c := sa[r-1], sa[r]
		next[c] = next[a]
		if rank[a] != rank[c] || second(a) != second(c) {
			next[c]++
		}
	}
	return next[sa[n-1]] + 1
}

// kasai visits suffixes in text order; the match length h drops by at most one per step.
func kasai(s string, sa []int) []int {
	n := len(s)
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
	return lcp
}
