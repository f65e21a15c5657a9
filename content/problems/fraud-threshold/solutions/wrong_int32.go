package main

// Keeps the window's sum in an int32: with amounts up to 10^9 cents it wraps past 2^31 and
// goes negative, and the amount cap stops biting. Must get WA.
func screen(window, maxAmount int64, maxCount int, txns []Txn) []bool {
	type entry struct {
		at     int64
		amount int32
	}
	recent := map[string][]entry{}
	sums := map[string]int32{}
	out := make([]bool, len(txns))
	for i, x := range txns {
		list := recent[x.Card]
		for len(list) > 0 && list[0].at <= x.At-window {
			sums[x.Card] -= list[0].amount
			list = list[1:]
		}
		a := int32(x.Amount)
		if int64(sums[x.Card]+a) <= maxAmount && len(list)+1 <= maxCount {
			list = append(list, entry{x.At, a})
			sums[x.Card] += a
			out[i] = true
		}
		recent[x.Card] = list
	}
	return out
}
