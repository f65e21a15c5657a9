// Driver for handleRequests: parses "n ttl" and n requests "time key merchant amount currency",
// calls the learner's function (in solution.go) and prints one line per request.
package main

import (
	"bufio"
	"io"
	"os"
)

// Request is one API call: POST /payments with an Idempotency-Key header.
type Request struct {
	Time     int64
	Key      string
	Merchant string
	Amount   int64
	Currency string
}

func main() {
	// A hand-rolled tokenizer: fmt.Fscan would cost more than the hash map itself.
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
	ttl := num()
	requests := make([]Request, n)
	for i := range requests {
		requests[i].Time = num()
		requests[i].Key = string(token())
		requests[i].Merchant = string(token())
		requests[i].Amount = num()
		requests[i].Currency = string(token())
	}
	lines := handleRequests(ttl, requests)
	w := bufio.NewWriterSize(os.Stdout, 1<<16)
	for _, l := range lines {
		w.WriteString(l)
		w.WriteByte('\n')
	}
	w.Flush()
}
