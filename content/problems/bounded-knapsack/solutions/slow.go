package main

// Tries every number of copies for every capacity: O(W · Σ min(c, W/w)). Correct, but with
// 10^4 light copies per type it must exceed the time limit.
func boundedKnapsack(capacity int, items []Item) int64 {
	best := make([]int64, capacity+1)
	for _, it := range items {
		next := make([]int64, capacity+1)
		for c := 0; c <= capacity; c++ {
			for k := 0; k <= it.Count && k*it.Weight <= c; k++ {
				next[c] = max(next[c], best[c-k*it.Weight]+int64(k)*it.Value)
			}
		}
		best = next
	}
	return best[capacity]
}
