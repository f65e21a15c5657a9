package main

import "sort"

// Keeps no state: every query sums the payments in its window again, from scratch.
// Correct, but O(Q · P): must exceed the time limit on the large tests.
func topMerchants(k int, window int64, events []Event) [][]Entry {
	result := [][]Entry{}
	for i, e := range events {
		if !e.Query {
			continue
		}
		totals := map[int64]int64{}
		for _, p := range events[:i] {
			if !p.Query && p.At > e.At-window {
				totals[p.Merchant] += p.Amount
			}
		}
		all := []Entry{}
		for m, t := range totals {
			all = append(all, Entry{m, t})
		}
		sort.Slice(all, func(a, b int) bool {
			if all[a].Total != all[b].Total {
				return all[a].Total > all[b].Total
			}
			return all[a].Merchant < all[b].Merchant
		})
		if len(all) > k {
			all = all[:k]
		}
		result = append(result, all)
	}
	return result
}
