package main

import (
	"container/heap"
	"strconv"
)

// idHeap is a min-heap of row ids.
type idHeap []int

func (h idHeap) Len() int           { return len(h) }
func (h idHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h idHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *idHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *idHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// The relay is right, but the consumer deduplicates by position: it keeps only the highest id
// applied so far and drops anything at or below it. A row that committed late with a smaller
// id is dropped as a "duplicate" and its money never reaches the ledger. Must get WA.
func relay(ops []Op) []string {
	amount := []int64{0} // amount[id]; ids start at 1
	open := map[int64][]int{}
	ready := &idHeap{}
	appliedIDs := []bool{false}
	var published, applied, balance int64
	highest := 0
	var out []string
	buf := make([]byte, 0, 256)
	batch := []int{}
	for _, op := range ops {
		switch op.Kind {
		case "BEGIN":
			open[op.Tx] = nil
		case "INSERT":
			id := len(amount) // taken now, even if the transaction rolls back
			amount = append(amount, op.Value)
			appliedIDs = append(appliedIDs, false)
			open[op.Tx] = append(open[op.Tx], id)
		case "COMMIT":
			for _, id := range open[op.Tx] {
				heap.Push(ready, id)
			}
			delete(open, op.Tx)
		case "ROLLBACK":
			delete(open, op.Tx)
		default: // POLL or CRASH
			batch = batch[:0]
			for int64(len(batch)) < op.Value && ready.Len() > 0 {
				batch = append(batch, heap.Pop(ready).(int))
			}
			buf = buf[:0]
			for i, id := range batch {
				if i > 0 {
					buf = append(buf, ' ')
				}
				buf = strconv.AppendInt(buf, int64(id), 10)
				published++
				if id <= highest {
					buf = append(buf, '*') // wrong: anything at or below the mark counts as seen
				} else {
					highest = id
					applied++
					balance += amount[id]
				}
			}
			if op.Kind == "CRASH" {
				for _, id := range batch {
					heap.Push(ready, id) // published, but never marked sent
				}
			}
			if len(batch) == 0 {
				out = append(out, "-")
			} else {
				out = append(out, string(buf))
			}
		}
	}
	out = append(out, "published "+strconv.FormatInt(published, 10)+" applied "+
		strconv.FormatInt(applied, 10)+" balance "+strconv.FormatInt(balance, 10))
	return out
}
