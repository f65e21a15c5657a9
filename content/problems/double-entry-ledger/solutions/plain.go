package main

import (
	"fmt"
	"sort"
)

type Change struct {
	Txn     int
	Balance int64
}

func runLedger(kinds string, events []Event) []string {
	m := len(kinds)
	balance := make([]int64, m) // in each account's own convention
	history := make([][]Change, m)
	result := []string{}
	txnNo := 0

	for _, ev := range events {
		if ev.IsQuery {
			h := history[ev.Account]
			idx := sort.Search(len(h), func(i int) bool { return h[i].Txn > ev.After })
			if idx == 0 {
				result = append(result, "0")
			} else {
				result = append(result, fmt.Sprintf("%d", h[idx-1].Balance))
			}
			continue
		}

		txnNo++
		var total int64
		for _, p := range ev.Postings {
			total += p.Amount
		}
		if total != 0 {
			result = append(result, "REJECTED UNBALANCED")
			continue
		}

		// net effect per account, in its own convention
		changes := map[int]int64{}
		for _, p := range ev.Postings {
			if kinds[p.Account] == 'A' {
				changes[p.Account] += p.Amount
			} else {
				changes[p.Account] -= p.Amount
			}
		}

		bad := -1
		for acc, delta := range changes {
			if kinds[acc] == 'W' && balance[acc]+delta < 0 {
				if bad == -1 || acc < bad {
					bad = acc
				}
			}
		}
		if bad != -1 {
			result = append(result, fmt.Sprintf("REJECTED INSUFFICIENT_FUNDS %d", bad))
			continue
		}

		for acc, delta := range changes {
			if delta != 0 {
				balance[acc] += delta
				history[acc] = append(history[acc], Change{txnNo, balance[acc]})
			}
		}
		result = append(result, "ACCEPTED")
	}
	return result
}
