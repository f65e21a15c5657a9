// attempts: a million goroutines, each blocked forever on a channel, each holding a stack
// expect: MLE | TLE | RE
package main

func lcs(a, b string) int {
	block := make(chan int)
	for i := 0; i < 1_000_000; i++ {
		go func() {
			var pad [4096]byte
			pad[i%4096] = byte(<-block)
			_ = pad
		}()
	}
	return <-block
}
