package main

import "sort"

// Kruskal as it is usually written: sort.Slice over a copy of the edges, recursive find with
// path compression (no union by size).
func cheapestNetwork(n int, links []Link) (int64, int) {
	edges := make([]Link, len(links))
	copy(edges, links)
	sort.Slice(edges, func(i, j int) bool { return edges[i].Cost < edges[j].Cost })
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(x int) int
	find = func(x int) int {
		if parent[x] != x {
			parent[x] = find(parent[x])
		}
		return parent[x]
	}
	var total int64
	used := 0
	for _, e := range edges {
		a, b := find(e.U), find(e.V)
		if a != b {
			parent[a] = b
			total += e.Cost
			used++
		}
	}
	return total, n - used
}
