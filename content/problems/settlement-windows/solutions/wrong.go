package main

import "sort"

// WRONG: merges a window only with the previous window of the same merchant in INPUT order,
// without sorting by start first; windows that meet only after sorting stay apart. Must WA.
func mergeWindows(windows []Window) []Window {
	last := map[string]int{} // merchant -> index in out of its latest window
	out := []Window{}
	for _, w := range windows {
		if k, ok := last[w.Merchant]; ok && w.Start <= out[k].End && out[k].Start <= w.End {
			out[k].Start = min(out[k].Start, w.Start)
			out[k].End = max(out[k].End, w.End)
			continue
		}
		last[w.Merchant] = len(out)
		out = append(out, w)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Merchant != out[j].Merchant {
			return out[i].Merchant < out[j].Merchant
		}
		return out[i].Start < out[j].Start
	})
	return out
}
