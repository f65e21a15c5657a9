package main

// One token bucket per merchant, in milli-tokens: rate tokens per second is exactly rate
// milli-tokens per millisecond, so the refill is exact integer arithmetic. O(n) expected.
func rateLimit(capacity, rate int64, requests []Request) []bool {
	type bucket struct{ milli, last int64 }
	full := capacity * 1000
	buckets := make(map[string]*bucket, len(requests))
	out := make([]bool, len(requests))
	for i, r := range requests {
		b, ok := buckets[r.Merchant]
		if !ok {
			b = &bucket{milli: full, last: r.At} // a new merchant starts with a full bucket
			buckets[r.Merchant] = b
		}
		b.milli = min(full, b.milli+(r.At-b.last)*rate)
		b.last = r.At
		if need := r.Cost * 1000; b.milli >= need {
			b.milli -= need
			out[i] = true
		}
	}
	return out
}
