package main

// A ring buffer of the last `window` outcomes recorded while closed, with a running failure
// count: O(1) per call, O(n) in total.
func runBreaker(window, threshold int, cooldownMs int64, trials int, calls []Call) ([]string, int) {
	const (
		closed = iota
		open
		halfOpen
	)
	state := closed
	ring := make([]bool, window) // true = failure
	head, size, fails := 0, 0, 0
	var openedAt int64
	done, transitions := 0, 0
	out := make([]string, 0, len(calls))
	for _, c := range calls {
		if state == open && c.At-openedAt >= cooldownMs {
			state, done = halfOpen, 0
			transitions++
		}
		if state == open {
			out = append(out, "SHORT_CIRCUITED")
			continue
		}
		if c.OK {
			out = append(out, "PASSED_OK")
		} else {
			out = append(out, "PASSED_FAIL")
		}
		if state == closed {
			// Record the outcome, dropping the oldest one once the window is full.
			if size == window {
				if ring[head] {
					fails--
				}
			} else {
				size++
			}
			ring[head] = !c.OK
			if !c.OK {
				fails++
			}
			head = (head + 1) % window
			if fails >= threshold {
				state, openedAt = open, c.At
				transitions++
			}
			continue
		}
		done++
		if !c.OK {
			state, openedAt = open, c.At
			transitions++
		} else if done == trials {
			state = closed
			head, size, fails = 0, 0, 0
			transitions++
		}
	}
	return out, transitions
}
