package main

import (
	"sort"
	"strconv"
)

// Tempting but wrong: applies each posting as it is read and only then checks the entry, so a
// rejected entry leaves its earlier postings on the books (no rollback). Must get WA.
func runLedger(kinds string, events []Event) []string {
	m := len(kinds)
	raw := make([]int64, m)
	type change struct {
		tx  int
		bal int64
	}
	hist := make([][]change, m)
	var out []string
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
		verdict := "ACCEPTED"
		for _, p := range ev.Postings {
			a := p.Account
			sum += p.Amount
			raw[a] += p.Amount
			b := raw[a]
			if kinds[a] != 'A' {
				b = -b
			}
			if n := len(hist[a]); n > 0 && hist[a][n-1].tx == t {
				hist[a][n-1].bal = b
			} else {
				hist[a] = append(hist[a], change{t, b})
			}
			if kinds[a] == 'W' && b < 0 && verdict == "ACCEPTED" {
				verdict = "REJECTED INSUFFICIENT_FUNDS " + strconv.Itoa(a)
			}
		}
		if sum != 0 {
			verdict = "REJECTED UNBALANCED"
		}
		out = append(out, verdict)
	}
	return out
}
