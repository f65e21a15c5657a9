package main

import "strconv"

// Wrong: off by one at the expiry boundary. A key created at time c is live while t < c + ttl;
// this keeps it alive at t == c + ttl too.
func handleRequests(ttl int64, requests []Request) []string {
	type stored struct {
		created int64
		first   int
		id      int
	}
	store := map[string]stored{}
	nextID := 0
	out := make([]string, 0, len(requests))
	for i := range requests {
		r := &requests[i]
		if s, ok := store[r.Key]; ok && r.Time <= s.created+ttl {
			f := &requests[s.first]
			if f.Merchant == r.Merchant && f.Amount == r.Amount && f.Currency == r.Currency {
				out = append(out, "REPLAY "+strconv.Itoa(s.id))
			} else {
				out = append(out, "CONFLICT")
			}
			continue
		}
		nextID++
		store[r.Key] = stored{r.Time, i, nextID}
		out = append(out, "CREATED "+strconv.Itoa(nextID))
	}
	return out
}
