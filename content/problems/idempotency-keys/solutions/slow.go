package main

import "strconv"

// Linear search: every request scans the whole history for the latest creation with its key.
// O(n²) when most keys are distinct: must exceed the time limit.
func handleRequests(ttl int64, requests []Request) []string {
	var created []int // indices of the requests that created a payment; payment id = position + 1
	out := make([]string, 0, len(requests))
	for i := range requests {
		r := &requests[i]
		hit := -1
		for p, j := range created {
			if requests[j].Key == r.Key {
				hit = p
			}
		}
		if hit >= 0 && r.Time < requests[created[hit]].Time+ttl {
			f := &requests[created[hit]]
			if f.Merchant == r.Merchant && f.Amount == r.Amount && f.Currency == r.Currency {
				out = append(out, "REPLAY "+strconv.Itoa(hit+1))
			} else {
				out = append(out, "CONFLICT")
			}
			continue
		}
		created = append(created, i)
		out = append(out, "CREATED "+strconv.Itoa(len(created)))
	}
	return out
}
