// Driver for runBreaker: parses the parameters and the call log, calls the learner's function
// (in solution.go), prints one line per call and then the number of transitions.
package main

import (
	"bufio"
	"os"
	"strconv"
)

// Call is one call to the dependency: its time in ms and what the dependency would return.
type Call struct {
	At int64
	OK bool
}

func main() {
	r := bufio.NewReaderSize(os.Stdin, 1<<16)
	// Hand-rolled token readers: fmt.Fscan would cost more than the breaker itself.
	skip := func() byte {
		for {
			b, err := r.ReadByte()
			if err != nil {
				return 0
			}
			if b != ' ' && b != '\n' && b != '\r' && b != '\t' {
				return b
			}
		}
	}
	readInt := func() int64 {
		c := skip()
		var n int64
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
	window, threshold, cooldown := int(readInt()), int(readInt()), readInt()
	trials, n := int(readInt()), int(readInt())
	calls := make([]Call, n)
	for i := range calls {
		calls[i].At = readInt()
		calls[i].OK = skip() == 'S'
	}
	lines, transitions := runBreaker(window, threshold, cooldown, trials, calls)
	w := bufio.NewWriterSize(os.Stdout, 1<<16)
	for _, line := range lines {
		w.WriteString(line)
		w.WriteByte('\n')
	}
	w.WriteString(strconv.Itoa(transitions))
	w.WriteByte('\n')
	w.Flush()
}
