package main

import "sort"

// The usual shape: group the windows by merchant in a map, sort the merchant ids, sort each
// merchant's windows by start with sort.Slice and merge them into a result slice.
func mergeWindows(windows []Window) []Window {
	byMerchant := map[string][][]int64{}
	for _, w := range windows {
		byMerchant[w.Merchant] = append(byMerchant[w.Merchant], []int64{w.Start, w.End})
	}
	merchants := []string{}
	for m := range byMerchant {
		merchants = append(merchants, m)
	}
	sort.Strings(merchants)
	result := []Window{}
	for _, m := range merchants {
		list := byMerchant[m]
		sort.Slice(list, func(i, j int) bool { return list[i][0] < list[j][0] })
		merged := [][]int64{}
		for _, w := range list {
			if len(merged) > 0 && w[0] <= merged[len(merged)-1][1] {
				if w[1] > merged[len(merged)-1][1] {
					merged[len(merged)-1][1] = w[1]
				}
			} else {
				merged = append(merged, []int64{w[0], w[1]})
			}
		}
		for _, w := range merged {
			result = append(result, Window{m, w[0], w[1]})
		}
	}
	return result
}
