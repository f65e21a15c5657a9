package main

import (
	"fmt"
	"sort"
)

type Payment struct {
	State    string
	Amount   int64
	Captured int64
	Refunded int64
}

func processEvents(events []Event) []string {
	payments := map[string]*Payment{}
	ids := []int64{}
	result := []string{}

	for _, e := range events {
		key := fmt.Sprintf("%d", e.Payment)
		p, exists := payments[key]
		if !exists {
			if e.Kind == "CREATE" {
				payments[key] = &Payment{State: "CREATED", Amount: e.Amount}
				ids = append(ids, e.Payment)
				result = append(result, "OK")
			} else {
				result = append(result, "UNKNOWN_PAYMENT")
			}
			continue
		}

		verdict := "INVALID_TRANSITION"
		switch e.Kind {
		case "SUBMIT":
			switch p.State {
			case "CREATED":
				p.State = "PENDING"
				verdict = "OK"
			}
		case "AUTHORIZE":
			switch p.State {
			case "CREATED", "PENDING":
				p.State = "AUTHORIZED"
				verdict = "OK"
			}
		case "FAIL":
			switch p.State {
			case "CREATED", "PENDING":
				p.State = "FAILED"
				verdict = "OK"
			}
		case "VOID":
			switch p.State {
			case "AUTHORIZED":
				p.State = "VOIDED"
				verdict = "OK"
			}
		case "CAPTURE":
			switch p.State {
			case "AUTHORIZED":
				if e.Amount > p.Amount {
					verdict = "AMOUNT_EXCEEDED"
				} else {
					p.Captured = e.Amount
					p.State = "CAPTURED"
					verdict = "OK"
				}
			}
		case "REFUND":
			switch p.State {
			case "CAPTURED", "PARTIALLY_REFUNDED":
				if p.Refunded+e.Amount > p.Captured {
					verdict = "AMOUNT_EXCEEDED"
				} else {
					p.Refunded += e.Amount
					if p.Refunded == p.Captured {
						p.State = "REFUNDED"
					} else {
						p.State = "PARTIALLY_REFUNDED"
					}
					verdict = "OK"
				}
			}
		}
		result = append(result, verdict)
	}

	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		p := payments[fmt.Sprintf("%d", id)]
		result = append(result, fmt.Sprintf("%d %s %d", id, p.State, p.Refunded))
	}
	return result
}
