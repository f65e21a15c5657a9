package main

// Correct but slow: keeps every outcome recorded since the breaker last closed and recounts
// the failures among the last `window` of them on every call. O(n · N): must exceed the limit.
func runBreaker(window, threshold int, cooldownMs int64, trials int, calls []Call) ([]string, int) {
	state := "CLOSED"
	var history []bool // outcomes while closed, true = ok
	var openedAt int64
	done, transitions := 0, 0
	var out []string
	for _, c := range calls {
		if state == "OPEN" && c.At-openedAt >= cooldownMs {
			state, done = "HALF_OPEN", 0
			transitions++
		}
		if state == "OPEN" {
			out = append(out, "SHORT_CIRCUITED")
			continue
		}
		if c.OK {
			out = append(out, "PASSED_OK")
		} else {
			out = append(out, "PASSED_FAIL")
		}
		if state == "CLOSED" {
			history = append(history, c.OK)
			fails := 0
			for i := max(0, len(history)-window); i < len(history); i++ {
				if !history[i] {
					fails++
				}
			}
			if fails >= threshold {
				state, openedAt = "OPEN", c.At
				transitions++
			}
			continue
		}
		done++
		if !c.OK {
			state, openedAt = "OPEN", c.At
			transitions++
		} else if done == trials {
			state = "CLOSED"
			history = history[:0]
			transitions++
		}
	}
	return out, transitions
}
