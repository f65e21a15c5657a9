package main

import (
	"fmt"
	"strings"
)

// Keeps every outbox row with flags and, on each poll, scans the whole table from the first
// row for committed unsent ones: the SELECT without an index. Correct, but O(rows × polls):
// must exceed the time limit on the large tests.
type row struct {
	tx                    int64
	amount                int64
	committed, done, sent bool
}

func relay(ops []Op) []string {
	var rows []row
	var appliedIDs []bool
	var published, applied, balance int64
	var out []string
	for _, op := range ops {
		switch op.Kind {
		case "BEGIN":
		case "INSERT":
			rows = append(rows, row{tx: op.Tx, amount: op.Value})
			appliedIDs = append(appliedIDs, false)
		case "COMMIT", "ROLLBACK":
			for i := range rows {
				if rows[i].tx == op.Tx && !rows[i].done {
					rows[i].done = true
					rows[i].committed = op.Kind == "COMMIT"
				}
			}
		default:
			var batch []int
			for i := range rows {
				if int64(len(batch)) == op.Value {
					break
				}
				if rows[i].committed && !rows[i].sent {
					batch = append(batch, i)
				}
			}
			var words []string
			for _, i := range batch {
				published++
				if appliedIDs[i] {
					words = append(words, fmt.Sprintf("%d*", i+1))
				} else {
					appliedIDs[i] = true
					applied++
					balance += rows[i].amount
					words = append(words, fmt.Sprint(i+1))
				}
				if op.Kind == "POLL" {
					rows[i].sent = true
				}
			}
			if len(words) == 0 {
				out = append(out, "-")
			} else {
				out = append(out, strings.Join(words, " "))
			}
		}
	}
	out = append(out, fmt.Sprintf("published %d applied %d balance %d", published, applied, balance))
	return out
}
