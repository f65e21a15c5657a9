package main

import "sort"

// Correct Kruskal, but the total is kept in 32 bits: costs up to 10^9 each fit, their sum does
// not. Must get WA.
func cheapestNetwork(n int, links []Link) (int64, int) {
	edges := append([]Link(nil), links...)
	sort.Slice(edges, func(i, j int) bool { return edges[i].Cost < edges[j].Cost })
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	var total int32
	components := n
	for _, e := range edges {
		if a, b := find(e.U), find(e.V); a != b {
			parent[a] = b
			total += int32(e.Cost)
			components--
		}
	}
	return int64(total), components
}
