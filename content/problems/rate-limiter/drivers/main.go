// Driver for rateLimit: parses "capacity rate n" and n requests "t merchant cost", calls the
// learner's function (in solution.go), prints A (allowed) or R (rejected) per request.
package main

import (
	"bufio"
	"os"
)

// Request is one API call: its time in milliseconds, the merchant's id and its cost in tokens.
type Request struct {
	At       int64
	Merchant string
	Cost     int64
}

func main() {
	r := bufio.NewReaderSize(os.Stdin, 1<<16)
	// Hand-rolled token readers: fmt.Fscan would cost more than the limiter itself.
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
	buf := make([]byte, 0, 64)
	readWord := func() string {
		buf = buf[:0]
		c := skip()
		for c != 0 && c != ' ' && c != '\n' && c != '\r' && c != '\t' {
			buf = append(buf, c)
			b, err := r.ReadByte()
			if err != nil {
				break
			}
			c = b
		}
		return string(buf)
	}
	capacity, rate := readInt(), readInt()
	n := int(readInt())
	requests := make([]Request, n)
	for i := range requests {
		requests[i].At = readInt()
		requests[i].Merchant = readWord()
		requests[i].Cost = readInt()
	}
	allowed := rateLimit(capacity, rate, requests)
	w := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer w.Flush()
	for _, a := range allowed {
		if a {
			w.WriteString("A\n")
		} else {
			w.WriteString("R\n")
		}
	}
}
