// Driver for velocity: parses "window limit n" and n events "t card amount", calls the
// learner's function (in solution.go), prints "count sum" per event, with " FLAG" if flagged.
package main

import (
	"bufio"
	"os"
	"strconv"
)

// Event is one card transaction: its time in milliseconds, the card's id and the amount in cents.
type Event struct {
	At     int64
	Card   string
	Amount int64
}

// Feature is what the risk engine sees after an event: the card's transaction count and total
// amount over the last window, and whether the count exceeds the limit.
type Feature struct {
	Count   int
	Sum     int64
	Flagged bool
}

func main() {
	r := bufio.NewReaderSize(os.Stdin, 1<<16)
	// Hand-rolled token readers: fmt.Fscan would cost more than the counting itself.
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
	window := readInt()
	limit := int(readInt())
	n := int(readInt())
	events := make([]Event, n)
	for i := range events {
		events[i].At = readInt()
		events[i].Card = readWord()
		events[i].Amount = readInt()
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer w.Flush()
	line := make([]byte, 0, 64)
	for _, f := range velocity(window, limit, events) {
		line = strconv.AppendInt(line[:0], int64(f.Count), 10)
		line = append(line, ' ')
		line = strconv.AppendInt(line, f.Sum, 10)
		if f.Flagged {
			line = append(line, " FLAG"...)
		}
		line = append(line, '\n')
		w.Write(line)
	}
}
