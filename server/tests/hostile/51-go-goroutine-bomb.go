// attempts: a goroutine bomb: start spinning goroutines without end
// expect: TLE | MLE
package main

func lcs(a, b string) int {
	n := 0
	for {
		go func() {
			for {
				n++
			}
		}()
	}
}
