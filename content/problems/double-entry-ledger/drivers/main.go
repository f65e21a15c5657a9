// Driver for runLedger: parses the accounts and the event log, calls the learner's function
// (in solution.go), prints one line per returned string.
package main

import (
	"bufio"
	"os"
)

// Posting moves Amount minor units on Account: debits positive, credits negative.
type Posting struct {
	Account int
	Amount  int64
}

// Event is one line of the log: a transaction (IsQuery false, Postings set) or a query for
// the balance of Account after the first After transactions (IsQuery true).
type Event struct {
	IsQuery  bool
	Postings []Posting
	Account  int
	After    int
}

func main() {
	r := bufio.NewReaderSize(os.Stdin, 1<<16)
	// Hand-rolled token readers: fmt.Fscan would cost more than the ledger itself.
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
	readWord := func() string {
		c := skip()
		var w []byte
		for c != 0 && c != ' ' && c != '\n' && c != '\r' && c != '\t' {
			w = append(w, c)
			b, err := r.ReadByte()
			if err != nil {
				break
			}
			c = b
		}
		return string(w)
	}
	readInt() // m: the length of kinds
	e := int(readInt())
	kinds := readWord()
	events := make([]Event, e)
	for i := range events {
		if skip() == 'T' {
			k := int(readInt())
			ps := make([]Posting, k)
			for j := range ps {
				a := int(readInt())
				side := skip()
				x := readInt()
				if side == 'C' {
					x = -x
				}
				ps[j] = Posting{a, x}
			}
			events[i] = Event{Postings: ps}
		} else {
			a := int(readInt())
			events[i] = Event{IsQuery: true, Account: a, After: int(readInt())}
		}
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<16)
	for _, line := range runLedger(kinds, events) {
		w.WriteString(line)
		w.WriteByte('\n')
	}
	w.Flush()
}
