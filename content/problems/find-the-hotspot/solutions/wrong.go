package main

import "sort"

// Tempting but wrong: adds the sample's count to Cum for every frame, so a function that
// recurses (appears several times on one stack) is charged several times per sample.
func profileTop(samples []Sample, k int) ([]Row, []Row) {
	acc := map[string]*Row{}
	for _, s := range samples {
		for _, f := range s.Stack {
			r, ok := acc[f]
			if !ok {
				r = &Row{Name: f}
				acc[f] = r
			}
			r.Cum += s.Count
		}
		acc[s.Stack[len(s.Stack)-1]].Flat += s.Count
	}
	var rows []Row
	for _, r := range acc {
		rows = append(rows, *r)
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
