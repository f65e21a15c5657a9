// Driver for processEvents: parses n and n events "payment kind amount", calls the learner's
// function (in solution.go) and prints the returned lines.
package main

import (
	"bufio"
	"io"
	"os"
)

// Event is one event for one payment; Amount is 0 for events that carry none.
type Event struct {
	Payment int64
	Kind    string
	Amount  int64
}

func main() {
	// A hand-rolled tokenizer: fmt.Fscan would cost more than the state machine itself.
	data, _ := io.ReadAll(bufio.NewReaderSize(os.Stdin, 1<<16))
	pos := 0
	token := func() []byte {
		for pos < len(data) && (data[pos] == ' ' || data[pos] == '\n' || data[pos] == '\r' || data[pos] == '\t') {
			pos++
		}
		start := pos
		for pos < len(data) && data[pos] != ' ' && data[pos] != '\n' && data[pos] != '\r' && data[pos] != '\t' {
			pos++
		}
		return data[start:pos]
	}
	num := func() int64 {
		var v int64
		for _, c := range token() {
			v = v*10 + int64(c-'0')
		}
		return v
	}
	n := int(num())
	events := make([]Event, n)
	for i := range events {
		events[i].Payment = num()
		events[i].Kind = string(token())
		events[i].Amount = num()
	}
	lines := processEvents(events)
	w := bufio.NewWriterSize(os.Stdout, 1<<16)
	for _, l := range lines {
		w.WriteString(l)
		w.WriteByte('\n')
	}
	w.Flush()
}
