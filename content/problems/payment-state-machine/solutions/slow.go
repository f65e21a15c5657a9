package main

import (
	"sort"
	"strconv"
)

// Event sourcing without snapshots: on every event, rebuild the payment's state by replaying all
// of its accepted events from the start. O(k²) for a payment with k events: a payment with tens
// of thousands of partial refunds must exceed the time limit.
func processEvents(events []Event) []string {
	history := map[int64][]int{}
	replay := func(h []int) (state string, amount, captured, refunded int64) {
		state = "CREATED"
		for _, i := range h {
			e := events[i]
			switch e.Kind {
			case "CREATE":
				amount = e.Amount
			case "SUBMIT":
				state = "PENDING"
			case "AUTHORIZE":
				state = "AUTHORIZED"
			case "FAIL":
				state = "FAILED"
			case "VOID":
				state = "VOIDED"
			case "CAPTURE":
				state, captured = "CAPTURED", e.Amount
			default:
				refunded += e.Amount
				if refunded == captured {
					state = "REFUNDED"
				} else {
					state = "PARTIALLY_REFUNDED"
				}
			}
		}
		return
	}
	var out []string
	for i, e := range events {
		h, ok := history[e.Payment]
		if !ok {
			if e.Kind == "CREATE" {
				history[e.Payment] = []int{i}
				out = append(out, "OK")
			} else {
				out = append(out, "UNKNOWN_PAYMENT")
			}
			continue
		}
		state, amount, captured, refunded := replay(h)
		verdict := "INVALID_TRANSITION"
		switch {
		case e.Kind == "SUBMIT" && state == "CREATED",
			e.Kind == "AUTHORIZE" && (state == "CREATED" || state == "PENDING"),
			e.Kind == "FAIL" && (state == "CREATED" || state == "PENDING"),
			e.Kind == "VOID" && state == "AUTHORIZED":
			verdict = "OK"
		case e.Kind == "CAPTURE" && state == "AUTHORIZED":
			verdict = "OK"
			if e.Amount > amount {
				verdict = "AMOUNT_EXCEEDED"
			}
		case e.Kind == "REFUND" && (state == "CAPTURED" || state == "PARTIALLY_REFUNDED"):
			verdict = "OK"
			if refunded+e.Amount > captured {
				verdict = "AMOUNT_EXCEEDED"
			}
		}
		if verdict == "OK" {
			history[e.Payment] = append(h, i)
		}
		out = append(out, verdict)
	}
	var ids []int64
	for id := range history {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(a, b int) bool { return ids[a] < ids[b] })
	for _, id := range ids {
		state, _, _, refunded := replay(history[id])
		out = append(out, strconv.FormatInt(id, 10)+" "+state+" "+strconv.FormatInt(refunded, 10))
	}
	return out
}
