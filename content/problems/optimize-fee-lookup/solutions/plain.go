package main

import (
	"container/heap"
	"sort"
)

// Straightforward version: string keys built with +, slices of slices, sort.Slice, a heap of
// structs.

type item struct {
	width int64
	idx   int
}

type itemHeap []item

func (h itemHeap) Len() int { return len(h) }
func (h itemHeap) Less(i, j int) bool {
	if h[i].width != h[j].width {
		return h[i].width < h[j].width
	}
	return h[i].idx < h[j].idx
}
func (h itemHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *itemHeap) Push(x interface{}) { *h = append(*h, x.(item)) }
func (h *itemHeap) Pop() interface{} {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func quoteFees(rules []Rule, payments []Payment) []int64 {
	groups := map[string][]int{}
	for i, r := range rules {
		key := r.Network + "|" + r.Country
		groups[key] = append(groups[key], i)
	}
	points := map[string][]int64{}
	bests := map[string][]int{}
	for key, ids := range groups {
		xs := []int64{}
		for _, i := range ids {
			xs = append(xs, rules[i].Min, rules[i].Max)
		}
		sort.Slice(xs, func(a, b int) bool { return xs[a] < xs[b] })
		uniq := []int64{}
		for i, x := range xs {
			if i == 0 || x != xs[i-1] {
				uniq = append(uniq, x)
			}
		}
		sort.Slice(ids, func(a, b int) bool { return rules[ids[a]].Min < rules[ids[b]].Min })
		h := &itemHeap{}
		best := []int{}
		k := 0
		for _, x := range uniq {
			for k < len(ids) && rules[ids[k]].Min <= x {
				i := ids[k]
				heap.Push(h, item{rules[i].Max - rules[i].Min, i})
				k++
			}
			for h.Len() > 0 && rules[(*h)[0].idx].Max <= x {
				heap.Pop(h)
			}
			if h.Len() > 0 {
				best = append(best, (*h)[0].idx)
			} else {
				best = append(best, -1)
			}
		}
		points[key] = uniq
		bests[key] = best
	}
	result := []int64{}
	for _, p := range payments {
		keys := []string{p.Network + "|" + p.Country, p.Network + "|*", "*|" + p.Country, "*|*"}
		fee := int64(-1)
		for _, key := range keys {
			xs, ok := points[key]
			if !ok {
				continue
			}
			j := sort.Search(len(xs), func(i int) bool { return xs[i] > p.Amount })
			if j == 0 || bests[key][j-1] < 0 {
				continue
			}
			r := rules[bests[key][j-1]]
			fee = (p.Amount*r.Bps+5000)/10000 + r.Fixed
			break
		}
		result = append(result, fee)
	}
	return result
}
