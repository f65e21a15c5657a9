package main

import "sort"

// Running totals per merchant in a map and a slice of the payments in the window; every query
// copies the merchants with volume into a slice and sorts it with sort.Slice. O(P + Q·M log M).
func topMerchants(k int, window int64, events []Event) [][]Entry {
	totals := map[int64]int64{}
	queue := []Event{}
	result := [][]Entry{}
	for _, e := range events {
		if !e.Query {
			queue = append(queue, e)
			totals[e.Merchant] += e.Amount
			continue
		}
		for len(queue) > 0 && queue[0].At <= e.At-window {
			old := queue[0]
			queue = queue[1:]
			totals[old.Merchant] -= old.Amount
			if totals[old.Merchant] == 0 {
				delete(totals, old.Merchant)
			}
		}
		all := []Entry{}
		for m, t := range totals {
			all = append(all, Entry{m, t})
		}
		sort.Slice(all, func(i, j int) bool {
			if all[i].Total != all[j].Total {
				return all[i].Total > all[j].Total
			}
			return all[i].Merchant < all[j].Merchant
		})
		if len(all) > k {
			all = all[:k]
		}
		result = append(result, all)
	}
	return result
}
