package main

import (
	"strconv"
	"strings"
)

// Correct, but the usual first draft: strings.Split on every line allocates a fresh []string
// per line. Fine on the samples, far over the allocation budget on a large batch.
func settle(batch string) ([]Total, int) {
	type pair struct{ merchant, currency string }
	totals := map[pair]int64{}
	rejected := 0
	for _, line := range strings.Split(batch, "\n") {
		if line == "" {
			continue
		}
		f := strings.Split(line, ",")
		if len(f) != 3 || f[0] == "" || len(f[2]) != 3 || strings.ToUpper(f[2]) != f[2] ||
			strings.HasPrefix(f[1], "+") || len(strings.TrimPrefix(f[1], "-")) > 12 {
			rejected++
			continue
		}
		ok := true
		for _, c := range f[2] {
			if c < 'A' || c > 'Z' {
				ok = false
			}
		}
		v, err := strconv.ParseInt(f[1], 10, 64)
		if err != nil || !ok {
			rejected++
			continue
		}
		totals[pair{f[0], f[2]}] += v
	}
	var result []Total
	for k, v := range totals {
		result = append(result, Total{k.merchant, k.currency, v})
	}
	return result, rejected
}
