package main

// Keyed state: per card, a queue of the events still inside the window and their running sum.
// Each event is pushed once and popped at most once: O(n) expected.
func velocity(window int64, limit int, events []Event) []Feature {
	type cardState struct {
		times, amounts []int64 // queue: entries from head on are inside the window
		head           int
		sum            int64
	}
	state := make(map[string]*cardState)
	out := make([]Feature, len(events))
	for i, e := range events {
		s := state[e.Card]
		if s == nil {
			s = &cardState{}
			state[e.Card] = s
		}
		s.times = append(s.times, e.At)
		s.amounts = append(s.amounts, e.Amount)
		s.sum += e.Amount
		// The window is (t - window, t]: an event exactly window ms old has left it.
		for s.times[s.head] <= e.At-window {
			s.sum -= s.amounts[s.head]
			s.head++
		}
		if s.head > 1024 && 2*s.head > len(s.times) { // compact the queue now and then
			s.times = append(s.times[:0], s.times[s.head:]...)
			s.amounts = append(s.amounts[:0], s.amounts[s.head:]...)
			s.head = 0
		}
		count := len(s.times) - s.head
		out[i] = Feature{Count: count, Sum: s.sum, Flagged: count > limit}
	}
	return out
}
