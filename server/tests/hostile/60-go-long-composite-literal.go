// attempts: a composite literal with 16,000 elements, nested, near the source limit
// expect: AC
package main

var table = [][]int{{@REPEAT:16000:1,@}}

func lcs(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 0; i < len(a); i++ {
		for j := 0; j < len(b); j++ {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + table[0][j%len(table[0])]
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
