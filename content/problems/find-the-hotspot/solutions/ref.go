package main

import "sort"

// One pass over every frame: each name is interned to a small id through a hash map, and a
// stamp slice (the index of the last sample that counted the id) charges Cum once per sample
// even when the function recurses. O(total frames) expected, plus O(F log F) for the sorting.
func profileTop(samples []Sample, k int) (byFlat, byCum []Row) {
	id := make(map[string]int)
	var rows []Row
	var stamp []int // sample index + 1 that last added to Cum
	for i, s := range samples {
		leaf := -1
		for _, f := range s.Stack {
			x, ok := id[f]
			if !ok {
				x = len(rows)
				id[f] = x
				rows = append(rows, Row{Name: f})
				stamp = append(stamp, 0)
			}
			if stamp[x] != i+1 {
				stamp[x] = i + 1
				rows[x].Cum += s.Count
			}
			leaf = x
		}
		if leaf >= 0 {
			rows[leaf].Flat += s.Count
		}
	}
	table := func(key func(r *Row) int64) []Row {
		t := append([]Row(nil), rows...)
		sort.Slice(t, func(a, b int) bool {
			ka, kb := key(&t[a]), key(&t[b])
			if ka != kb {
				return ka > kb
			}
			return t[a].Name < t[b].Name
		})
		return t[:min(k, len(t))]
	}
	byFlat = table(func(r *Row) int64 { return r.Flat })
	byCum = table(func(r *Row) int64 { return r.Cum })
	return byFlat, byCum
}
