package main

// Per card, a queue of its APPROVED transactions still inside (t - window, t] and their running
// sum. A declined transaction is never queued. Every approval enters once and leaves at most
// once: O(n) expected time, and a queue never holds more than maxCount live entries.
func screen(window, maxAmount int64, maxCount int, txns []Txn) []bool {
	type entry struct{ at, amount int64 }
	type card struct {
		q    []entry // q[head:] are the live approvals
		head int
		sum  int64
	}
	cards := make(map[string]*card)
	out := make([]bool, len(txns))
	for i, x := range txns {
		c, ok := cards[x.Card]
		if !ok {
			c = &card{}
			cards[x.Card] = c
		}
		// An approval exactly `window` ms old has left the window.
		for c.head < len(c.q) && c.q[c.head].at <= x.At-window {
			c.sum -= c.q[c.head].amount
			c.head++
		}
		if c.head > 64 && c.head*2 > len(c.q) { // compact, so memory stays O(live)
			c.q = append(c.q[:0], c.q[c.head:]...)
			c.head = 0
		}
		if c.sum+x.Amount <= maxAmount && len(c.q)-c.head+1 <= maxCount {
			c.q = append(c.q, entry{x.At, x.Amount})
			c.sum += x.Amount
			out[i] = true
		}
	}
	return out
}
