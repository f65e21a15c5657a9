package main

// Straightforward version: maps from card id to a slice of approvals and to their sum; the
// slice is re-sliced from the front as approvals expire.
func screen(window, maxAmount int64, maxCount int, txns []Txn) []bool {
	approvals := map[string][]Txn{}
	sums := map[string]int64{}
	result := []bool{}
	for _, x := range txns {
		list := approvals[x.Card]
		for len(list) > 0 && list[0].At <= x.At-window {
			sums[x.Card] -= list[0].Amount
			list = list[1:]
		}
		if sums[x.Card]+x.Amount > maxAmount || len(list)+1 > maxCount {
			result = append(result, false)
		} else {
			list = append(list, x)
			sums[x.Card] += x.Amount
			result = append(result, true)
		}
		approvals[x.Card] = list
	}
	return result
}
