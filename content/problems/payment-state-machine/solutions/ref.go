package main

import (
	"sort"
	"strconv"
)

type payment struct {
	state    string
	amount   int64
	captured int64
	refunded int64
}

func processEvents(events []Event) []string {
	payments := make(map[int64]*payment)
	out := make([]string, 0, len(events))
	for _, e := range events {
		p := payments[e.Payment]
		verdict := "INVALID_TRANSITION"
		switch {
		case p == nil && e.Kind == "CREATE":
			payments[e.Payment] = &payment{state: "CREATED", amount: e.Amount}
			verdict = "OK"
		case p == nil:
			verdict = "UNKNOWN_PAYMENT"
		default:
			switch e.Kind {
			case "SUBMIT":
				if p.state == "CREATED" {
					p.state, verdict = "PENDING", "OK"
				}
			case "AUTHORIZE":
				if p.state == "CREATED" || p.state == "PENDING" {
					p.state, verdict = "AUTHORIZED", "OK"
				}
			case "FAIL":
				if p.state == "CREATED" || p.state == "PENDING" {
					p.state, verdict = "FAILED", "OK"
				}
			case "VOID":
				if p.state == "AUTHORIZED" {
					p.state, verdict = "VOIDED", "OK"
				}
			case "CAPTURE":
				if p.state == "AUTHORIZED" {
					if e.Amount > p.amount {
						verdict = "AMOUNT_EXCEEDED"
					} else {
						p.state, p.captured, verdict = "CAPTURED", e.Amount, "OK"
					}
				}
			case "REFUND":
				if p.state == "CAPTURED" || p.state == "PARTIALLY_REFUNDED" {
					if p.refunded+e.Amount > p.captured {
						verdict = "AMOUNT_EXCEEDED"
					} else {
						p.refunded += e.Amount
						verdict = "OK"
						if p.refunded == p.captured {
							p.state = "REFUNDED"
						} else {
							p.state = "PARTIALLY_REFUNDED"
						}
					}
				}
			}
		}
		out = append(out, verdict)
	}
	ids := make([]int64, 0, len(payments))
	for id := range payments {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		p := payments[id]
		out = append(out, strconv.FormatInt(id, 10)+" "+p.state+" "+strconv.FormatInt(p.refunded, 10))
	}
	return out
}
