// attempts: hold a judge worker: sleep an hour in a goroutine and wait for a timer, then answer correctly
// attempts: (the clock is virtual: the sleeps cost no wall time)
// expect: AC
// tests: all
package main

import "time"

func lcs(a, b string) int {
	start := time.Now()
	done := make(chan bool)
	go func() {
		time.Sleep(time.Hour)
		done <- true
	}()
	<-done
	<-time.After(time.Minute)
	if time.Since(start) < time.Hour {
		return -1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 0; i < len(a); i++ {
		for j := 0; j < len(b); j++ {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
