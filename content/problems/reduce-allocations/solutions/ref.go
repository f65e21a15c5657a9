package main

// One pass over the batch without copying it: lines and fields are substrings of the input
// (slicing a string never allocates), the amount is parsed from bytes, and the map key is a
// struct of two substrings. Allocations: only the map's and the result's growth, O(log pairs);
// time O(len(batch)).
func settle(batch string) ([]Total, int) {
	type key struct{ merchant, currency string }
	net := make(map[key]int64)
	rejected := 0
	for start := 0; start < len(batch); {
		end := start
		for end < len(batch) && batch[end] != '\n' {
			end++
		}
		line := batch[start:end]
		start = end + 1
		if line == "" {
			continue // blank line
		}
		merchant, amount, currency, ok := parseLine(line)
		if !ok {
			rejected++
			continue
		}
		net[key{merchant, currency}] += amount
	}
	rows := make([]Total, 0, len(net))
	for k, v := range net {
		rows = append(rows, Total{k.merchant, k.currency, v})
	}
	return rows, rejected
}

// parseLine splits "merchant,amount,currency" and validates every field.
func parseLine(line string) (merchant string, amount int64, currency string, ok bool) {
	var commas [2]int
	n := 0
	for i := 0; i < len(line); i++ {
		if line[i] == ',' {
			if n == 2 {
				return "", 0, "", false // a fourth field
			}
			commas[n] = i
			n++
		}
	}
	if n != 2 || commas[0] == 0 {
		return "", 0, "", false
	}
	merchant, digits, currency := line[:commas[0]], line[commas[0]+1:commas[1]], line[commas[1]+1:]
	negative := len(digits) > 0 && digits[0] == '-'
	if negative {
		digits = digits[1:]
	}
	if len(digits) == 0 || len(digits) > 12 {
		return "", 0, "", false
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return "", 0, "", false
		}
		amount = amount*10 + int64(digits[i]-'0')
	}
	if len(currency) != 3 {
		return "", 0, "", false
	}
	for i := 0; i < 3; i++ {
		if currency[i] < 'A' || currency[i] > 'Z' {
			return "", 0, "", false
		}
	}
	if negative {
		amount = -amount
	}
	return merchant, amount, currency, true
}
