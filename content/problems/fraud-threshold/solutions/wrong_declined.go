package main

// Counts every transaction of the card in the window, declined ones too: an attacker's
// rejected retries then lock the card for the honest payment that follows. Must get WA.
func screen(window, maxAmount int64, maxCount int, txns []Txn) []bool {
	recent := map[string][]Txn{}
	sums := map[string]int64{}
	out := make([]bool, len(txns))
	for i, x := range txns {
		list := recent[x.Card]
		for len(list) > 0 && list[0].At <= x.At-window {
			sums[x.Card] -= list[0].Amount
			list = list[1:]
		}
		out[i] = sums[x.Card]+x.Amount <= maxAmount && len(list)+1 <= maxCount
		recent[x.Card] = append(list, x) // wrong: recorded even when declined
		sums[x.Card] += x.Amount
	}
	return out
}
