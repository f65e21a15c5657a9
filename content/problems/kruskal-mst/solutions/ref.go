package main

import "slices"

// Kruskal: sort a copy of the links by cost, take each link whose endpoints are still in
// different components (union-find with union by size and path halving). Every accepted link
// merges two components. O(m log m) for the sort, O(m · α(n)) for the unions.
func cheapestNetwork(n int, links []Link) (int64, int) {
	sorted := slices.Clone(links)
	slices.SortFunc(sorted, func(a, b Link) int {
		switch {
		case a.Cost < b.Cost:
			return -1
		case a.Cost > b.Cost:
			return 1
		}
		return 0
	})
	parent := make([]int32, n)
	size := make([]int32, n)
	for i := range parent {
		parent[i], size[i] = int32(i), 1
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]] // path halving
			x = parent[x]
		}
		return x
	}
	var total int64
	components := n
	for _, l := range sorted {
		if components == 1 {
			break // a tree on n nodes has n − 1 links: nothing more can be accepted
		}
		a, b := find(int32(l.U)), find(int32(l.V))
		if a == b {
			continue // already connected: this link would close a cycle
		}
		if size[a] < size[b] {
			a, b = b, a
		}
		parent[b] = a
		size[a] += size[b]
		total += l.Cost
		components--
	}
	return total, components
}
