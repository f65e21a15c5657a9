package main

// Per card: a queue (slice) of the events still inside the window, plus the running sum.
func velocity(window int64, limit int, events []Event) []Feature {
	queues := map[string][]Event{}
	sums := map[string]int64{}
	result := []Feature{}
	for _, e := range events {
		queue := append(queues[e.Card], e)
		sums[e.Card] += e.Amount
		// drop everything at or before e.At - window: the window is (e.At - window, e.At]
		for len(queue) > 0 && queue[0].At <= e.At-window {
			sums[e.Card] -= queue[0].Amount
			queue = queue[1:]
		}
		queues[e.Card] = queue
		count := len(queue)
		result = append(result, Feature{Count: count, Sum: sums[e.Card], Flagged: count > limit})
	}
	return result
}
