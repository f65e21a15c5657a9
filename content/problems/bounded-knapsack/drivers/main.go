// Driver for boundedKnapsack: parses "capacity n" and n lines "weight value count", calls the
// learner's function (in solution.go), prints the result.
package main

import (
	"bufio"
	"fmt"
	"os"
)

// Item is one job type: the window units one job needs, the fee it earns, and how many are queued.
type Item struct {
	Weight int
	Value  int64
	Count  int
}

func main() {
	r := bufio.NewReaderSize(os.Stdin, 1<<16)
	// A hand-rolled integer reader: fmt.Fscan would cost more than the DP on small tests.
	readInt := func() int64 {
		var n int64
		c := byte(' ')
		for c == ' ' || c == '\n' || c == '\r' || c == '\t' {
			b, err := r.ReadByte()
			if err != nil {
				return 0
			}
			c = b
		}
		for c >= '0' && c <= '9' {
			n = n*10 + int64(c-'0')
			b, err := r.ReadByte()
			if err != nil {
				break
			}
			c = b
		}
		return n
	}
	capacity := int(readInt())
	n := int(readInt())
	items := make([]Item, n)
	for i := range items {
		items[i].Weight = int(readInt())
		items[i].Value = readInt()
		items[i].Count = int(readInt())
	}
	fmt.Println(boundedKnapsack(capacity, items))
}
