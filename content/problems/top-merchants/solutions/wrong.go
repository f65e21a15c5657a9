package main

import "sort"

// WRONG: ranks by volume only; equal volumes are left in whatever order the map and the unstable
// sort.Slice produce, instead of by merchant id. Otherwise the plain solution.
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
			return all[i].Total > all[j].Total // WRONG: equal volumes come out in map order
		})
		if len(all) > k {
			all = all[:k]
		}
		result = append(result, all)
	}
	return result
}
