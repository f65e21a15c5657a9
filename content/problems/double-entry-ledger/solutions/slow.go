package main

import "strconv"

// Correct but slow: keeps only the list of accepted entries and answers each query by
// re-adding every posting of the first `after` transactions. O(Q · P): must exceed the limit.
func runLedger(kinds string, events []Event) []string {
	m := len(kinds)
	raw := make([]int64, m)
	net := make([]int64, m)
	type accepted struct {
		tx       int
		postings []Posting
	}
	var book []accepted
	var out []string
	t := 0
	for _, ev := range events {
		if ev.IsQuery {
			var r int64
			for _, e := range book {
				if e.tx > ev.After {
					break
				}
				for _, p := range e.postings {
					if p.Account == ev.Account {
						r += p.Amount
					}
				}
			}
			if kinds[ev.Account] != 'A' {
				r = -r
			}
			out = append(out, strconv.FormatInt(r, 10))
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
			if kinds[a] == 'W' && raw[a]+net[a] > 0 && (bad < 0 || a < bad) {
				bad = a
			}
		}
		for _, p := range ev.Postings {
			if bad < 0 {
				raw[p.Account] += net[p.Account]
			}
			net[p.Account] = 0
		}
		if bad < 0 {
			book = append(book, accepted{t, ev.Postings})
			out = append(out, "ACCEPTED")
		} else {
			out = append(out, "REJECTED INSUFFICIENT_FUNDS "+strconv.Itoa(bad))
		}
	}
	return out
}
