// Driver for relay: parses n and n operations (BEGIN t, INSERT t amount, COMMIT t,
// ROLLBACK t, POLL b, CRASH b), calls the learner's function (in solution.go) and prints its lines.
package main

import (
	"bufio"
	"io"
	"os"
)

// Op is one operation. Tx is the transaction id (0 for POLL and CRASH); Value is the amount
// for INSERT, the batch size for POLL and CRASH, and 0 otherwise.
type Op struct {
	Kind  string
	Tx    int64
	Value int64
}

func main() {
	// A hand-rolled tokenizer: fmt.Fscan would cost more than the relay itself.
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
		t := token()
		neg := len(t) > 0 && t[0] == '-'
		if neg {
			t = t[1:]
		}
		var v int64
		for _, c := range t {
			v = v*10 + int64(c-'0')
		}
		if neg {
			return -v
		}
		return v
	}
	kinds := map[string]string{"BEGIN": "BEGIN", "INSERT": "INSERT", "COMMIT": "COMMIT",
		"ROLLBACK": "ROLLBACK", "POLL": "POLL", "CRASH": "CRASH"}
	n := int(number())
	ops := make([]Op, n)
	for i := range ops {
		ops[i].Kind = kinds[string(token())]
		switch ops[i].Kind {
		case "INSERT":
			ops[i].Tx = number()
			ops[i].Value = number()
		case "POLL", "CRASH":
			ops[i].Value = number()
		default:
			ops[i].Tx = number()
		}
	}
	lines := relay(ops)
	w := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer w.Flush()
	for _, l := range lines {
		w.WriteString(l)
		w.WriteByte('\n')
	}
}
