package main

import (
	"container/heap"
	"fmt"
	"strings"
)

// minHeap is the textbook container/heap priority queue of ints.
type minHeap []int

func (h minHeap) Len() int            { return len(h) }
func (h minHeap) Less(i, j int) bool  { return h[i] < h[j] }
func (h minHeap) Swap(i, j int)       { h[i], h[j] = h[j], h[i] }
func (h *minHeap) Push(x interface{}) { *h = append(*h, x.(int)) }
func (h *minHeap) Pop() interface{} {
	old := *h
	n := len(old)
	x := old[n-1]
	*h = old[:n-1]
	return x
}

// Written the way people usually do it: transactions in a map with string keys, amounts and
// the consumer's seen ids in maps, the ready rows in a container/heap, fmt.Sprint for the
// output. Must still be accepted.
func relay(ops []Op) []string {
	nextID := 1
	amounts := map[int]int64{}
	txs := map[string][]int{}
	ready := &minHeap{}
	seen := map[int]bool{}
	published, applied := 0, 0
	var balance int64
	result := []string{}
	for _, op := range ops {
		key := fmt.Sprint(op.Tx)
		switch op.Kind {
		case "BEGIN":
			txs[key] = []int{}
		case "INSERT":
			amounts[nextID] = op.Value
			txs[key] = append(txs[key], nextID)
			nextID++
		case "COMMIT":
			for _, id := range txs[key] {
				heap.Push(ready, id)
			}
			delete(txs, key)
		case "ROLLBACK":
			delete(txs, key)
		default:
			batch := []int{}
			for len(batch) < int(op.Value) && ready.Len() > 0 {
				batch = append(batch, heap.Pop(ready).(int))
			}
			words := []string{}
			for _, id := range batch {
				published++
				if seen[id] {
					words = append(words, fmt.Sprintf("%d*", id))
				} else {
					seen[id] = true
					applied++
					balance += amounts[id]
					words = append(words, fmt.Sprint(id))
				}
			}
			if op.Kind == "CRASH" {
				for _, id := range batch {
					heap.Push(ready, id)
				}
			}
			if len(words) == 0 {
				result = append(result, "-")
			} else {
				result = append(result, strings.Join(words, " "))
			}
		}
	}
	result = append(result, fmt.Sprintf("published %d applied %d balance %d", published, applied, balance))
	return result
}
