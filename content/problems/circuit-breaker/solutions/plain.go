package main

type Breaker struct {
	State       string
	Window      []bool // true = the call failed
	Failures    int
	OpenedAt    int64
	Successes   int
	Transitions int
}

func runBreaker(window, threshold int, cooldownMs int64, trials int, calls []Call) ([]string, int) {
	b := &Breaker{State: "CLOSED"}
	result := []string{}

	for _, c := range calls {
		if b.State == "OPEN" && c.At-b.OpenedAt >= cooldownMs {
			b.State = "HALF_OPEN"
			b.Successes = 0
			b.Transitions++
		}

		switch b.State {
		case "OPEN":
			result = append(result, "SHORT_CIRCUITED")
		case "CLOSED":
			if c.OK {
				result = append(result, "PASSED_OK")
			} else {
				result = append(result, "PASSED_FAIL")
				b.Failures++
			}
			b.Window = append(b.Window, !c.OK)
			if len(b.Window) > window {
				if b.Window[0] {
					b.Failures--
				}
				b.Window = b.Window[1:]
			}
			if b.Failures >= threshold {
				b.State = "OPEN"
				b.OpenedAt = c.At
				b.Transitions++
			}
		case "HALF_OPEN":
			if c.OK {
				result = append(result, "PASSED_OK")
				b.Successes++
				if b.Successes == trials {
					b.State = "CLOSED"
					b.Window = []bool{}
					b.Failures = 0
					b.Transitions++
				}
			} else {
				result = append(result, "PASSED_FAIL")
				b.State = "OPEN"
				b.OpenedAt = c.At
				b.Transitions++
			}
		}
	}
	return result, b.Transitions
}
