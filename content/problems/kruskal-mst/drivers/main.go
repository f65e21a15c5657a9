// Driver for cheapestNetwork: parses "n m" and m links "u v cost", calls the learner's function
// (in solution.go), prints "cost components".
package main

import (
	"bufio"
	"fmt"
	"os"
)

// Link is one candidate leased line between data centres U and V, costing Cost per month.
type Link struct {
	U, V int
	Cost int64
}

func main() {
	r := bufio.NewReaderSize(os.Stdin, 1<<16)
	// A hand-rolled integer reader: fmt.Fscan would cost more than Kruskal itself.
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
	n := int(readInt())
	m := int(readInt())
	links := make([]Link, m)
	for i := range links {
		links[i].U = int(readInt())
		links[i].V = int(readInt())
		links[i].Cost = readInt()
	}
	cost, components := cheapestNetwork(n, links)
	fmt.Println(cost, components)
}
