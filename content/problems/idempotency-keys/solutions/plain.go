package main

import "fmt"

type entry struct {
	created   int64
	merchant  string
	amount    int64
	currency  string
	paymentID int
}

func handleRequests(ttl int64, requests []Request) []string {
	store := map[string]*entry{}
	nextID := 1
	result := []string{}

	for _, req := range requests {
		e, found := store[req.Key]
		if found && req.Time < e.created+ttl {
			if e.merchant == req.Merchant && e.amount == req.Amount && e.currency == req.Currency {
				result = append(result, fmt.Sprintf("REPLAY %d", e.paymentID))
			} else {
				result = append(result, "CONFLICT")
			}
			continue
		}
		// missing or expired: create a new payment
		store[req.Key] = &entry{
			created:   req.Time,
			merchant:  req.Merchant,
			amount:    req.Amount,
			currency:  req.Currency,
			paymentID: nextID,
		}
		result = append(result, fmt.Sprintf("CREATED %d", nextID))
		nextID++
	}
	return result
}
