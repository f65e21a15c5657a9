package main

import (
	"cmp"
	"slices"
)

// Sort the windows by (merchant, start) once, then sweep: a window that starts at or before
// the end of the current merged window (overlapping or touching) extends it, otherwise it
// starts a new one. O(n log n).
func mergeWindows(windows []Window) []Window {
	sorted := slices.Clone(windows)
	slices.SortFunc(sorted, func(a, b Window) int {
		if c := cmp.Compare(a.Merchant, b.Merchant); c != 0 {
			return c
		}
		return cmp.Compare(a.Start, b.Start)
	})
	out := make([]Window, 0, len(sorted))
	for _, w := range sorted {
		if k := len(out) - 1; k >= 0 && out[k].Merchant == w.Merchant && w.Start <= out[k].End {
			out[k].End = max(out[k].End, w.End)
			continue
		}
		out = append(out, w)
	}
	return out
}
