package main

import (
	"sort"
	"strconv"
)

// Check the whole entry before touching any balance; keep, per account, the balance after
// each transaction that changed it, and answer a query by binary search: O((P + Q) log P).
func runLedger(kinds string, events []Event) []string {
	m := len(kinds)
	raw := make([]int64, m) // debits minus credits
	type change struct {
		tx  int
		bal int64
	}
	hist := make([][]change, m)
	net := make([]int64, m) // scratch: the entry's net effect per account
	out := make([]string, 0, len(events))
	t := 0
	for _, ev := range events {
		if ev.IsQuery {
			h := hist[ev.Account]
			n := sort.Search(len(h), func(i int) bool { return h[i].tx > ev.After })
			if n == 0 {
				out = append(out, "0")
			} else {
				out = append(out, strconv.FormatInt(h[n-1].bal, 10))
			}
			continue
		}
		t++
		var sum int64
		for _, p := range ev.Postings {
			sum += p.Amount
		}
		if sum != 0 {
			out = append(out, "REJECTED UNBALANCED")
			continue
		}
		for _, p := range ev.Postings {
			net[p.Account] += p.Amount
		}
		bad := -1
		for _, p := range ev.Postings {
			a := p.Account
			// A wallet is credit-normal: its balance is -(raw), and it must stay >= 0.
			if kinds[a] == 'W' && raw[a]+net[a] > 0 && (bad < 0 || a < bad) {
				bad = a
			}
		}
		if bad < 0 {
			for _, p := range ev.Postings {
				a := p.Account
				if net[a] != 0 {
					raw[a] += net[a]
					b := raw[a]
					if kinds[a] != 'A' {
						b = -b
					}
					hist[a] = append(hist[a], change{t, b})
				}
				net[a] = 0
			}
			out = append(out, "ACCEPTED")
		} else {
			for _, p := range ev.Postings {
				net[p.Account] = 0
			}
			out = append(out, "REJECTED INSUFFICIENT_FUNDS "+strconv.Itoa(bad))
		}
	}
	return out
}
