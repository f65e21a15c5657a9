// attempts: one impossible allocation (2^40 int64s)
// expect: RE | MLE
package main

func lcs(a, b string) int {
	n := 1 << 40
	if len(a) > 1000 {
		n = 1
	}
	big := make([]int64, n)
	return int(big[len(big)-1])
}
