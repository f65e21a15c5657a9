package main

// Quick-find: every union relabels the whole array. O(n·m): must exceed the time limit.
func countComponents(n int, edges [][2]int) int {
	label := make([]int, n)
	for i := range label {
		label[i] = i
	}
	components := n
	for _, e := range edges {
		la, lb := label[e[0]], label[e[1]]
		if la == lb {
			continue
		}
		for i := range label {
			if label[i] == lb {
				label[i] = la
			}
		}
		components--
	}
	return components
}
