// attempts: (twin of 74) print the wall clock, random numbers and a map's iteration order: every run must see the
// attempts: same ones (clock and random source are deterministic), so its twin prints the same
// expect: WA
// same-output: go-clock
package main

import (
	"fmt"
	"math/rand"
	"time"
)

func lcs(a, b string) int {
	m := map[int]bool{1: true, 2: true, 3: true, 4: true, 5: true, 6: true, 7: true, 8: true}
	order := []int{}
	for k := range m {
		order = append(order, k)
	}
	fmt.Println(time.Now().UnixNano(), rand.Int63(), rand.Intn(1000), order)
	return -1
}
