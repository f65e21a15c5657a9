package main

import "sort"

// Repeated pairwise merging: keep merging any two windows of the same merchant that overlap
// or touch until a full pass changes nothing. Every pass compares all pairs: O(n^2) at best,
// must TLE on the large tests.
func mergeWindows(windows []Window) []Window {
	ws := append([]Window(nil), windows...)
	for {
		changed := false
		for i := 0; i < len(ws); i++ {
			for j := i + 1; j < len(ws); j++ {
				a, b := ws[i], ws[j]
				if a.Merchant == b.Merchant && a.Start <= b.End && b.Start <= a.End {
					ws[i] = Window{a.Merchant, min(a.Start, b.Start), max(a.End, b.End)}
					ws[j] = ws[len(ws)-1]
					ws = ws[:len(ws)-1]
					j--
					changed = true
				}
			}
		}
		if !changed {
			break
		}
	}
	sort.Slice(ws, func(i, j int) bool {
		if ws[i].Merchant != ws[j].Merchant {
			return ws[i].Merchant < ws[j].Merchant
		}
		return ws[i].Start < ws[j].Start
	})
	return ws
}
