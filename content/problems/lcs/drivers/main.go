// Driver for lcs: reads two lines, calls the learner's function (in solution.go), prints it.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func main() {
	r := bufio.NewReaderSize(os.Stdin, 1<<16)
	a, _ := r.ReadString('\n')
	b, _ := r.ReadString('\n')
	fmt.Println(lcs(strings.TrimSpace(a), strings.TrimSpace(b)))
}
