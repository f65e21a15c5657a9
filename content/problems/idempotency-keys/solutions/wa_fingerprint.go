package main

import "strconv"

// Wrong: a live key is always replayed, even when the body differs. A client that reuses a key
// for a different payment silently gets the old payment back instead of a 422.
func handleRequests(ttl int64, requests []Request) []string {
	type stored struct {
		created int64
		id      int
	}
	store := map[string]stored{}
	nextID := 0
	out := make([]string, 0, len(requests))
	for _, r := range requests {
		if s, ok := store[r.Key]; ok && r.Time < s.created+ttl {
			out = append(out, "REPLAY "+strconv.Itoa(s.id))
			continue
		}
		nextID++
		store[r.Key] = stored{r.Time, nextID}
		out = append(out, "CREATED "+strconv.Itoa(nextID))
	}
	return out
}
