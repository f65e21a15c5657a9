package main

// Keeps no state: every request replays the merchant's whole history from the start.
// Correct, but O(n²): must exceed the time limit on the large tests.
func rateLimit(capacity, rate int64, requests []Request) []bool {
	full := capacity * 1000
	out := make([]bool, len(requests))
	for i, r := range requests {
		milli, last := full, int64(-1)
		for j := 0; j < i; j++ { // replay this merchant's history
			q := requests[j]
			if q.Merchant != r.Merchant {
				continue
			}
			if last >= 0 {
				milli = min(full, milli+(q.At-last)*rate)
			}
			last = q.At
			if out[j] {
				milli -= q.Cost * 1000
			}
		}
		if last >= 0 {
			milli = min(full, milli+(r.At-last)*rate)
		}
		out[i] = milli >= r.Cost*1000
	}
	return out
}
