// Driver for topMerchants: parses "K W n" and n events "P t merchant amount" or "Q t", calls the
// learner's function (in solution.go) and prints one line per query: "merchant:total" pairs
// separated by spaces, or "-" when the window holds no payments.
package main

import (
	"bufio"
	"os"
	"strconv"
)

// Event is one event of the payment stream: a payment (Query false) of Amount cents to Merchant
// at time At (ms), or a dashboard query (Query true; Merchant and Amount are 0) at time At.
type Event struct {
	Query    bool
	At       int64
	Merchant int64
	Amount   int64
}

// Entry is one row of the dashboard: a merchant and its total volume in the window.
type Entry struct {
	Merchant int64
	Total    int64
}

func main() {
	r := bufio.NewReaderSize(os.Stdin, 1<<16)
	// Hand-rolled token readers: fmt.Fscan would cost more than the ranking itself.
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
	k := int(readInt())
	window := readInt()
	n := int(readInt())
	events := make([]Event, n)
	for i := range events {
		kind := skip()
		events[i].At = readInt()
		if kind == 'Q' {
			events[i].Query = true
		} else {
			events[i].Merchant = readInt()
			events[i].Amount = readInt()
		}
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer w.Flush()
	line := make([]byte, 0, 256)
	for _, list := range topMerchants(k, window, events) {
		line = line[:0]
		if len(list) == 0 {
			line = append(line, '-')
		}
		for i, e := range list {
			if i > 0 {
				line = append(line, ' ')
			}
			line = strconv.AppendInt(line, e.Merchant, 10)
			line = append(line, ':')
			line = strconv.AppendInt(line, e.Total, 10)
		}
		line = append(line, '\n')
		w.Write(line)
	}
}
