package main

// Forgets the capacity: a merchant that was quiet for a minute banks a huge burst.
// Must get WA.
func rateLimit(capacity, rate int64, requests []Request) []bool {
	type bucket struct{ milli, last int64 }
	buckets := map[string]*bucket{}
	out := make([]bool, len(requests))
	for i, r := range requests {
		b, ok := buckets[r.Merchant]
		if !ok {
			b = &bucket{milli: capacity * 1000, last: r.At}
			buckets[r.Merchant] = b
		}
		b.milli += (r.At - b.last) * rate
		b.last = r.At
		if need := r.Cost * 1000; b.milli >= need {
			b.milli -= need
			out[i] = true
		}
	}
	return out
}
