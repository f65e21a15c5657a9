// attempts: allocate and keep 64 MiB blocks until memory runs out
// expect: MLE
package main

var keep [][]byte

func lcs(a, b string) int {
	for {
		block := make([]byte, 64<<20)
		block[len(block)-1] = 1
		keep = append(keep, block)
	}
}
