package main

import "sort"

// The way it is usually written: maps for flat and cum, a fresh set per sample to count each
// function once, then one row per function sorted twice with sort.Slice.
func profileTop(samples []Sample, k int) ([]Row, []Row) {
	flat := map[string]int64{}
	cum := map[string]int64{}
	for _, s := range samples {
		seen := map[string]bool{}
		for _, f := range s.Stack {
			if !seen[f] {
				seen[f] = true
				cum[f] += s.Count
			}
		}
		if len(s.Stack) > 0 {
			flat[s.Stack[len(s.Stack)-1]] += s.Count
		}
	}
	rows := []Row{}
	for name, c := range cum {
		rows = append(rows, Row{name, flat[name], c})
	}
	byFlat := make([]Row, len(rows))
	copy(byFlat, rows)
	sort.Slice(byFlat, func(i, j int) bool {
		if byFlat[i].Flat != byFlat[j].Flat {
			return byFlat[i].Flat > byFlat[j].Flat
		}
		return byFlat[i].Name < byFlat[j].Name
	})
	byCum := make([]Row, len(rows))
	copy(byCum, rows)
	sort.Slice(byCum, func(i, j int) bool {
		if byCum[i].Cum != byCum[j].Cum {
			return byCum[i].Cum > byCum[j].Cum
		}
		return byCum[i].Name < byCum[j].Name
	})
	if k < len(rows) {
		byFlat = byFlat[:k]
		byCum = byCum[:k]
	}
	return byFlat, byCum
}
