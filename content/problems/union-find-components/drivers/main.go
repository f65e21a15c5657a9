// Driver for countComponents: parses "n m" and m edges, calls the learner's function
// (in solution.go), prints the result.
package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	r := bufio.NewReaderSize(os.Stdin, 1<<16)
	// A hand-rolled integer reader: fmt.Fscan would cost more than the union-find itself.
	readInt := func() int {
		n, c := 0, byte(' ')
		for c == ' ' || c == '\n' || c == '\r' || c == '\t' {
			b, err := r.ReadByte()
			if err != nil {
				return 0
			}
			c = b
		}
		for c >= '0' && c <= '9' {
			n = n*10 + int(c-'0')
			b, err := r.ReadByte()
			if err != nil {
				break
			}
			c = b
		}
		return n
	}
	n, m := readInt(), readInt()
	edges := make([][2]int, m)
	for i := range edges {
		edges[i] = [2]int{readInt(), readInt()}
	}
	fmt.Println(countComponents(n, edges))
}
