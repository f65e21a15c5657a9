package main

import "sort"

// Kruskal without union-find: before taking a link, search the links chosen so far (DFS) to see
// whether its endpoints are already connected. O(m · n): must exceed the time limit.
func cheapestNetwork(n int, links []Link) (int64, int) {
	edges := append([]Link(nil), links...)
	sort.Slice(edges, func(i, j int) bool { return edges[i].Cost < edges[j].Cost })
	adj := make([][]int, n)
	seen := make([]int, n) // seen[x] == stamp: visited in this search
	stamp := 0
	var total int64
	used := 0
	for _, e := range edges {
		stamp++
		stack := []int{e.U}
		seen[e.U] = stamp
		for len(stack) > 0 {
			x := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, y := range adj[x] {
				if seen[y] != stamp {
					seen[y] = stamp
					stack = append(stack, y)
				}
			}
		}
		if seen[e.V] != stamp {
			adj[e.U] = append(adj[e.U], e.V)
			adj[e.V] = append(adj[e.V], e.U)
			total += e.Cost
			used++
		}
	}
	return total, n - used
}
