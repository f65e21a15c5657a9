// Driver for screen: parses "window maxAmount maxCount n" and n transactions "t card amount",
// calls the learner's function (in solution.go), prints one A (approved) or D (declined) per
// transaction on one line, then the approved and declined totals.
package main

import (
	"bufio"
	"os"
	"strconv"
)

// Txn is one card authorization: its time in milliseconds, the card's id and the amount in cents.
type Txn struct {
	At     int64
	Card   string
	Amount int64
}

func main() {
	r := bufio.NewReaderSize(os.Stdin, 1<<16)
	// Hand-rolled token readers: fmt.Fscan would cost more than the rules themselves.
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
	window, maxAmount := readInt(), readInt()
	maxCount := int(readInt())
	n := int(readInt())
	txns := make([]Txn, n)
	for i := range txns {
		txns[i].At = readInt()
		txns[i].Card = readWord()
		txns[i].Amount = readInt()
	}
	approved := screen(window, maxAmount, maxCount, txns)
	if len(approved) != n {
		panic("screen must return one decision per transaction")
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer w.Flush()
	var ac, dc int
	var asum, dsum int64
	for i, ok := range approved {
		if ok {
			w.WriteByte('A')
			ac++
			asum += txns[i].Amount
		} else {
			w.WriteByte('D')
			dc++
			dsum += txns[i].Amount
		}
	}
	w.WriteString("\napproved " + strconv.Itoa(ac) + " " + strconv.FormatInt(asum, 10))
	w.WriteString("\ndeclined " + strconv.Itoa(dc) + " " + strconv.FormatInt(dsum, 10) + "\n")
}
