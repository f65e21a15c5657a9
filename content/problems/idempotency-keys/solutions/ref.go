package main

import "strconv"

type stored struct {
	created int64
	first   int // index of the request that created the key: its fields are the fingerprint
	id      int
}

func handleRequests(ttl int64, requests []Request) []string {
	store := make(map[string]stored, len(requests))
	nextID := 0
	out := make([]string, 0, len(requests))
	for i := range requests {
		r := &requests[i]
		if s, ok := store[r.Key]; ok && r.Time < s.created+ttl {
			f := &requests[s.first]
			if f.Merchant == r.Merchant && f.Amount == r.Amount && f.Currency == r.Currency {
				out = append(out, "REPLAY "+strconv.Itoa(s.id))
			} else {
				out = append(out, "CONFLICT")
			}
			continue
		}
		nextID++
		store[r.Key] = stored{created: r.Time, first: i, id: nextID}
		out = append(out, "CREATED "+strconv.Itoa(nextID))
	}
	return out
}
