package main

// A token bucket per merchant, kept in milli-tokens so the refill is exact integer arithmetic.
type Bucket struct {
	Tokens int64
	Last   int64
}

func rateLimit(capacity, rate int64, requests []Request) []bool {
	maxTokens := capacity * 1000
	buckets := map[string]Bucket{}
	result := []bool{}
	for _, req := range requests {
		bucket, ok := buckets[req.Merchant]
		if !ok {
			bucket = Bucket{Tokens: maxTokens, Last: req.At}
		}
		bucket.Tokens += (req.At - bucket.Last) * rate
		if bucket.Tokens > maxTokens {
			bucket.Tokens = maxTokens
		}
		bucket.Last = req.At
		allowed := false
		if bucket.Tokens >= req.Cost*1000 {
			bucket.Tokens -= req.Cost * 1000
			allowed = true
		}
		buckets[req.Merchant] = bucket
		result = append(result, allowed)
	}
	return result
}
