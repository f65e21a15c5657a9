package main

// Treats each type as a single 0/1 item: the count is ignored and at most one copy is taken.
// Must get WA.
func boundedKnapsack(capacity int, items []Item) int64 {
	best := make([]int64, capacity+1)
	for _, it := range items {
		if it.Count == 0 {
			continue
		}
		for c := capacity; c >= it.Weight; c-- {
			best[c] = max(best[c], best[c-it.Weight]+it.Value)
		}
	}
	return best[capacity]
}
