package main

import (
	"fmt"
	"strings"
)

// Written the way people usually do it: string keys, the full list of issued commands kept
// per saga, fmt.Sprintf everywhere. Must still be accepted.
type sagaState struct {
	status   string
	pending  string // "D2", "U0", ...
	fails    int64
	commands []string
	undone   []string
}

func runSagas(retries []int64, events []Event) []string {
	k := len(retries)
	sagas := map[string]*sagaState{}
	order := []string{}
	for _, e := range events {
		id := fmt.Sprint(e.Saga)
		if e.Kind == "START" {
			if _, ok := sagas[id]; !ok {
				sagas[id] = &sagaState{status: "RUNNING", pending: "D0", commands: []string{"D0"}}
				order = append(order, id)
			}
			continue
		}
		st, ok := sagas[id]
		if !ok || st.status == "COMPLETED" || st.status == "COMPENSATED" {
			continue
		}
		dir := "D"
		if e.Undo {
			dir = "U"
		}
		if fmt.Sprintf("%s%d", dir, e.Step) != st.pending {
			continue
		}
		step := e.Step
		if e.Undo {
			if e.Kind == "OK" {
				st.undone = append(st.undone, fmt.Sprint(step))
				if step == 0 {
					st.status = "COMPENSATED"
				} else {
					st.pending = fmt.Sprintf("U%d", step-1)
					st.commands = append(st.commands, st.pending)
				}
			} else {
				st.commands = append(st.commands, st.pending)
			}
			continue
		}
		if e.Kind == "OK" {
			if step == k-1 {
				st.status = "COMPLETED"
			} else {
				st.pending = fmt.Sprintf("D%d", step+1)
				st.fails = 0
				st.commands = append(st.commands, st.pending)
			}
			continue
		}
		giveUp := e.Kind == "FATAL"
		if !giveUp {
			st.fails++
			if st.fails <= retries[step] {
				st.commands = append(st.commands, st.pending)
			} else {
				giveUp = true
			}
		}
		if giveUp {
			if step == 0 {
				st.status = "COMPENSATED"
			} else {
				st.status = "COMPENSATING"
				st.pending = fmt.Sprintf("U%d", step-1)
				st.commands = append(st.commands, st.pending)
			}
		}
	}
	out := []string{}
	for _, id := range order {
		st := sagas[id]
		detail := st.pending
		if st.status == "COMPLETED" {
			detail = "-"
		} else if st.status == "COMPENSATED" {
			detail = "-"
			if len(st.undone) > 0 {
				detail = strings.Join(st.undone, ",")
			}
		}
		out = append(out, fmt.Sprintf("%s %s %d %s", id, st.status, len(st.commands), detail))
	}
	return out
}
