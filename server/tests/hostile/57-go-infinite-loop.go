// attempts: an infinite loop
// expect: TLE
package main

func lcs(a, b string) int {
	x := uint64(len(a))
	for {
		x = x*6364136223846793005 + 1
		if x == 0 {
			return 0
		}
	}
}
