// Rounds by truncation (integer division) instead of half up: a fee of 40.5 cents becomes 40.
// Must get WA.
package main

import (
	"container/heap"
	"slices"
	"sort"
)

// The lookup index, built once: rules grouped by their exact (network, country) pair, "*"
// included. In each group the range endpoints cut the amount axis into elementary segments;
// a sweep with a heap ordered by (width, index) records the winning rule of every segment.
// A payment then costs at most four map lookups and four binary searches:
// O(R log R + Q log R) in all.

type feeKey struct{ network, country string }

type feeGroup struct {
	cuts   []int64 // sorted distinct endpoints
	winner []int32 // winner[j]: best rule on [cuts[j], cuts[j+1]), or -1
}

// byWidth is a min-heap of rule indices ordered by (width, index).
type byWidth struct {
	ids   []int32
	rules []Rule
}

func (h *byWidth) Len() int { return len(h.ids) }
func (h *byWidth) Less(a, b int) bool {
	ra, rb := &h.rules[h.ids[a]], &h.rules[h.ids[b]]
	wa, wb := ra.Max-ra.Min, rb.Max-rb.Min
	return wa < wb || wa == wb && h.ids[a] < h.ids[b]
}
func (h *byWidth) Swap(a, b int) { h.ids[a], h.ids[b] = h.ids[b], h.ids[a] }
func (h *byWidth) Push(x any)   { h.ids = append(h.ids, x.(int32)) }
func (h *byWidth) Pop() any {
	x := h.ids[len(h.ids)-1]
	h.ids = h.ids[:len(h.ids)-1]
	return x
}

func buildGroup(rules []Rule, ids []int32) *feeGroup {
	cuts := make([]int64, 0, 2*len(ids))
	for _, i := range ids {
		cuts = append(cuts, rules[i].Min, rules[i].Max)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	slices.SortFunc(ids, func(a, b int32) int {
		if rules[a].Min != rules[b].Min {
			if rules[a].Min < rules[b].Min {
				return -1
			}
			return 1
		}
		return int(a - b)
	})
	h := &byWidth{rules: rules}
	winner := make([]int32, len(cuts))
	next := 0
	for j, x := range cuts {
		for next < len(ids) && rules[ids[next]].Min <= x {
			heap.Push(h, ids[next])
			next++
		}
		for h.Len() > 0 && rules[h.ids[0]].Max <= x {
			heap.Pop(h) // its range ended at or before x
		}
		winner[j] = -1
		if h.Len() > 0 {
			winner[j] = h.ids[0]
		}
	}
	return &feeGroup{cuts, winner}
}

func quoteFees(rules []Rule, payments []Payment) []int64 {
	byKey := map[feeKey][]int32{}
	for i, r := range rules {
		k := feeKey{r.Network, r.Country}
		byKey[k] = append(byKey[k], int32(i))
	}
	index := make(map[feeKey]*feeGroup, len(byKey))
	for k, ids := range byKey {
		index[k] = buildGroup(rules, ids)
	}
	out := make([]int64, len(payments))
	for pi, p := range payments {
		out[pi] = -1
		for _, k := range [4]feeKey{{p.Network, p.Country}, {p.Network, "*"}, {"*", p.Country}, {"*", "*"}} {
			g := index[k]
			if g == nil {
				continue
			}
			// The last cut <= amount starts the segment holding it.
			j := sort.Search(len(g.cuts), func(i int) bool { return g.cuts[i] > p.Amount })
			if j > 0 && g.winner[j-1] >= 0 {
				r := &rules[g.winner[j-1]]
				out[pi] = p.Amount*r.Bps/10000 + r.Fixed // wrong: truncates half cents
				break
			}
		}
	}
	return out
}
