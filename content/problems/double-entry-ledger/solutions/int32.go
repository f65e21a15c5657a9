package main

import (
	"sort"
	"strconv"
)

// Wrong: keeps sums and balances in 32 bits, like an `INT` column. They wrap past 2^31 - 1
// and an entry that balances only modulo 2^32 is accepted. Must get WA.
func runLedger(kinds string, events []Event) []string {
	m := len(kinds)
	raw := make([]int32, m) // debits minus credits
	type change struct {
		tx  int
		bal int32
	}
	hist := make([][]change, m)
	net := make([]int32, m) // scratch: the entry's net effect per account
	out := make([]string, 0, len(events))
	t := 0
	for _, ev := range events {
		if ev.IsQuery {
			h := hist[ev.Account]
			n := sort.Search(len(h), func(i int) bool { return h[i].tx > ev.After })
			if n == 0 {
				out = append(out, "0")
			} else {
				out = append(out, strconv.FormatInt(int64(h[n-1].bal), 10))
			}
			continue
		}
		t++
		var sum int32
		for _, p := range ev.Postings {
			sum += int32(p.Amount)
		}
		if sum != 0 {
			out = append(out, "REJECTED UNBALANCED")
			continue
		}
		for _, p := range ev.Postings {
			net[p.Account] += int32(p.Amount)
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
