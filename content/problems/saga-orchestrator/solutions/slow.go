package main

import (
	"fmt"
	"strings"
)

// Finds the sagas first, then scans the whole log again for each one and replays only its
// events. Correct, but O(sagas × events): must exceed the time limit on the large tests.
func runSagas(retries []int64, events []Event) []string {
	k := len(retries)
	seen := map[int64]bool{}
	var ids []int64
	for _, e := range events {
		if e.Kind == "START" && !seen[e.Saga] {
			seen[e.Saga] = true
			ids = append(ids, e.Saga)
		}
	}
	var out []string
	for _, id := range ids {
		// state: 0 not started, 1 running, 2 compensating, 3 completed, 4 compensated
		state, step, fails, issued := 0, 0, int64(0), 0
		var undone []string
		for _, e := range events {
			if e.Saga != id {
				continue
			}
			if e.Kind == "START" {
				if state == 0 {
					state, issued = 1, 1
				}
				continue
			}
			if state == 0 || state >= 3 || (state == 2) != e.Undo || step != e.Step {
				continue
			}
			if e.Undo {
				if e.Kind != "OK" {
					issued++
				} else if undone = append(undone, fmt.Sprint(step)); step == 0 {
					state = 4
				} else {
					step--
					issued++
				}
				continue
			}
			if e.Kind == "OK" {
				if step+1 == k {
					state = 3
				} else {
					step, fails = step+1, 0
					issued++
				}
				continue
			}
			if e.Kind != "FATAL" {
				fails++
				if fails <= retries[step] {
					issued++
					continue
				}
			}
			if step == 0 {
				state = 4
			} else {
				state, step = 2, step-1
				issued++
			}
		}
		name, detail := "COMPENSATED", "-"
		switch state {
		case 1:
			name, detail = "RUNNING", fmt.Sprintf("D%d", step)
		case 2:
			name, detail = "COMPENSATING", fmt.Sprintf("U%d", step)
		case 3:
			name = "COMPLETED"
		default:
			if len(undone) > 0 {
				detail = strings.Join(undone, ",")
			}
		}
		out = append(out, fmt.Sprintf("%d %s %d %s", id, name, issued, detail))
	}
	return out
}
