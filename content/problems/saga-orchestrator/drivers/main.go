// Driver for runSagas: parses "k n", the k retry budgets and n events ("saga START" or
// "saga D|U step RESULT"), calls the learner's function (in solution.go) and prints its lines.
package main

import (
	"bufio"
	"io"
	"os"
)

// Event is one event of the log. For START, Undo is false and Step is 0.
type Event struct {
	Saga int64
	Kind string // START, OK, FAIL, TIMEOUT or FATAL
	Undo bool   // the result is for a compensation (U), not a forward step (D)
	Step int
}

func main() {
	// A hand-rolled tokenizer: fmt.Fscan would cost more than the orchestrator itself.
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
	number := func() int64 {
		var v int64
		for _, c := range token() {
			v = v*10 + int64(c-'0')
		}
		return v
	}
	kinds := map[string]string{"START": "START", "OK": "OK", "FAIL": "FAIL", "TIMEOUT": "TIMEOUT", "FATAL": "FATAL"}
	k := int(number())
	n := int(number())
	retries := make([]int64, k)
	for i := range retries {
		retries[i] = number()
	}
	events := make([]Event, n)
	for i := range events {
		events[i].Saga = number()
		word := token()
		if string(word) == "START" {
			events[i].Kind = "START"
			continue
		}
		events[i].Undo = string(word) == "U"
		events[i].Step = int(number())
		events[i].Kind = kinds[string(token())]
	}
	lines := runSagas(retries, events)
	w := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer w.Flush()
	for _, l := range lines {
		w.WriteString(l)
		w.WriteByte('\n')
	}
}
