package main

import "strconv"

// Compensates the step that failed as well as the completed ones: it issues U(step) first,
// although that step never happened (voiding an authorization that was never made). Must get WA.
type saga struct {
	id     int64
	state  int   // 0 running, 1 compensating, 2 completed, 3 compensated
	step   int   // the pending command's step (forward while running, undo while compensating)
	fails  int64 // failures of the pending forward step
	issued int64
	undone []int
}

func runSagas(retries []int64, events []Event) []string {
	k := len(retries)
	index := make(map[int64]*saga)
	var order []*saga // in order of START
	for _, e := range events {
		if e.Kind == "START" {
			if index[e.Saga] == nil {
				s := &saga{id: e.Saga, issued: 1}
				index[e.Saga] = s
				order = append(order, s)
			}
			continue
		}
		s := index[e.Saga]
		// Only the result of the pending command counts: unknown or finished sagas, the other
		// direction or another step mean a duplicate or a stale delivery.
		if s == nil || s.state >= 2 || (s.state == 1) != e.Undo || s.step != e.Step {
			continue
		}
		if e.Undo {
			if e.Kind == "OK" {
				s.undone = append(s.undone, e.Step)
				if e.Step == 0 {
					s.state = 3
				} else {
					s.step--
					s.issued++
				}
			} else {
				s.issued++ // a compensation is retried until it succeeds
			}
			continue
		}
		if e.Kind == "OK" {
			if e.Step+1 == k {
				s.state = 2
			} else {
				s.step++
				s.fails = 0
				s.issued++
			}
			continue
		}
		if e.Kind != "FATAL" {
			s.fails++
			if s.fails <= retries[e.Step] {
				s.issued++ // retry the same step
				continue
			}
		}
		// Wrong: undoes the failed step too (step .. 0), although it never happened.
		s.state = 1
		s.issued++
	}
	out := make([]string, 0, len(order))
	buf := make([]byte, 0, 64)
	for _, s := range order {
		buf = strconv.AppendInt(buf[:0], s.id, 10)
		switch s.state {
		case 0:
			buf = append(buf, " RUNNING "...)
		case 1:
			buf = append(buf, " COMPENSATING "...)
		case 2:
			buf = append(buf, " COMPLETED "...)
		default:
			buf = append(buf, " COMPENSATED "...)
		}
		buf = strconv.AppendInt(buf, s.issued, 10)
		buf = append(buf, ' ')
		switch {
		case s.state == 0:
			buf = strconv.AppendInt(append(buf, 'D'), int64(s.step), 10)
		case s.state == 1:
			buf = strconv.AppendInt(append(buf, 'U'), int64(s.step), 10)
		case len(s.undone) == 0:
			buf = append(buf, '-')
		default:
			for i, x := range s.undone {
				if i > 0 {
					buf = append(buf, ',')
				}
				buf = strconv.AppendInt(buf, int64(x), 10)
			}
		}
		out = append(out, string(buf))
	}
	return out
}
