package main

// Sliding log without keyed state: every event scans the stream backwards until it leaves the
// window. Correct, but O(n²) when the window holds many events: must exceed the time limit.
func velocity(window int64, limit int, events []Event) []Feature {
	out := make([]Feature, len(events))
	for i, e := range events {
		count, sum := 0, int64(0)
		for j := i; j >= 0 && events[j].At > e.At-window; j-- {
			if events[j].Card == e.Card {
				count++
				sum += events[j].Amount
			}
		}
		out[i] = Feature{Count: count, Sum: sum, Flagged: count > limit}
	}
	return out
}
