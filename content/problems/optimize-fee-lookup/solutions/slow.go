package main

// The obvious loop: every payment scans every rule and keeps the best match by
// (specificity, width, index). Correct, but O(R·Q): must exceed the time limit on the
// large tests.
func quoteFees(rules []Rule, payments []Payment) []int64 {
	out := make([]int64, len(payments))
	for pi, p := range payments {
		best, bestLevel, bestWidth := -1, 0, int64(0)
		for i, r := range rules {
			netAny, ctyAny := r.Network == "*", r.Country == "*"
			if !netAny && r.Network != p.Network || !ctyAny && r.Country != p.Country {
				continue
			}
			if p.Amount < r.Min || p.Amount >= r.Max {
				continue
			}
			level := 0 // (n,c) < (n,*) < (*,c) < (*,*)
			if netAny {
				level += 2
			}
			if ctyAny {
				level++
			}
			w := r.Max - r.Min
			if best < 0 || level < bestLevel || level == bestLevel && w < bestWidth {
				best, bestLevel, bestWidth = i, level, w
			}
		}
		out[pi] = -1
		if best >= 0 {
			out[pi] = (p.Amount*rules[best].Bps+5000)/10000 + rules[best].Fixed
		}
	}
	return out
}
