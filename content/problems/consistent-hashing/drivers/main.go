// Driver for consistentHashing: parses "V N K Q", N node names, K tracked keys and Q
// operations "ADD node" / "REMOVE node" / "OWNER key", calls the learner's function (in
// solution.go) and prints one line per operation.
package main

import (
	"bufio"
	"os"
)

// Op is one operation on the ring: Kind is "ADD", "REMOVE" or "OWNER"; Name is the node
// (ADD, REMOVE) or the key (OWNER).
type Op struct {
	Kind string
	Name string
}

func main() {
	r := bufio.NewReaderSize(os.Stdin, 1<<16)
	// Hand-rolled token readers: fmt.Fscan would cost more than the ring itself.
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
	readInt := func() int {
		n := 0
		for _, c := range []byte(readWord()) {
			n = n*10 + int(c-'0')
		}
		return n
	}
	replicas, n, k, q := readInt(), readInt(), readInt(), readInt()
	nodes := make([]string, n)
	for i := range nodes {
		nodes[i] = readWord()
	}
	keys := make([]string, k)
	for i := range keys {
		keys[i] = readWord()
	}
	ops := make([]Op, q)
	for i := range ops {
		ops[i].Kind = readWord()
		ops[i].Name = readWord()
	}
	lines := consistentHashing(replicas, nodes, keys, ops)
	w := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer w.Flush()
	for _, l := range lines {
		w.WriteString(l)
		w.WriteByte('\n')
	}
}
