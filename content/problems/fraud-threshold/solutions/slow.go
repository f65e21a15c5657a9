package main

// Keeps no window: every transaction rescans the card's whole history from the start and adds
// up the approvals still in the window. Correct, but O(n²) for a busy card: must exceed the
// time limit on the large tests.
func screen(window, maxAmount int64, maxCount int, txns []Txn) []bool {
	out := make([]bool, len(txns))
	for i, x := range txns {
		var sum int64
		count := 0
		for j := 0; j < i; j++ {
			y := txns[j]
			if out[j] && y.Card == x.Card && y.At > x.At-window {
				sum += y.Amount
				count++
			}
		}
		out[i] = sum+x.Amount <= maxAmount && count+1 <= maxCount
	}
	return out
}
