package main

import "sort"

// Correct, but rescans every sample once per distinct function: O(F · total frames), which
// exceeds the time limit on the large tests (2 000 functions, ~10^5 frames).
func profileTop(samples []Sample, k int) ([]Row, []Row) {
	seen := map[string]bool{}
	var names []string
	for _, s := range samples {
		for _, f := range s.Stack {
			if !seen[f] {
				seen[f] = true
				names = append(names, f)
			}
		}
	}
	var rows []Row
	for _, name := range names {
		r := Row{Name: name}
		for _, s := range samples {
			if s.Stack[len(s.Stack)-1] == name {
				r.Flat += s.Count
			}
			for _, f := range s.Stack {
				if f == name {
					r.Cum += s.Count
					break
				}
			}
		}
		rows = append(rows, r)
	}
	byFlat := append([]Row(nil), rows...)
	sort.Slice(byFlat, func(i, j int) bool {
		if byFlat[i].Flat != byFlat[j].Flat {
			return byFlat[i].Flat > byFlat[j].Flat
		}
		return byFlat[i].Name < byFlat[j].Name
	})
	byCum := rows
	sort.Slice(byCum, func(i, j int) bool {
		if byCum[i].Cum != byCum[j].Cum {
			return byCum[i].Cum > byCum[j].Cum
		}
		return byCum[i].Name < byCum[j].Name
	})
	return byFlat[:min(k, len(byFlat))], byCum[:min(k, len(byCum))]
}
