package main

import (
	"strconv"
	"strings"
)

// Everyday Go, written with care for allocations: strings.Cut returns substrings of the batch
// (no copies), the amount is checked by hand before strconv.ParseInt (which allocates an error
// on bad input), and the map key is a struct of substrings.
func settle(batch string) ([]Total, int) {
	type pair struct{ merchant, currency string }
	totals := map[pair]int64{}
	rejected := 0
	rest := batch
	for rest != "" {
		line, after, _ := strings.Cut(rest, "\n")
		rest = after
		if line == "" {
			continue
		}
		merchant, tail, ok1 := strings.Cut(line, ",")
		amount, currency, ok2 := strings.Cut(tail, ",")
		if !ok1 || !ok2 || merchant == "" || strings.Contains(currency, ",") ||
			!validAmount(amount) || !validCurrency(currency) {
			rejected++
			continue
		}
		v, _ := strconv.ParseInt(amount, 10, 64)
		totals[pair{merchant, currency}] += v
	}
	var result []Total
	for k, v := range totals {
		result = append(result, Total{Merchant: k.merchant, Currency: k.currency, Net: v})
	}
	return result, rejected
}

func validAmount(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if len(s) == 0 || len(s) > 12 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func validCurrency(s string) bool {
	if len(s) != 3 {
		return false
	}
	for _, c := range s {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}
