// Driver for lruCache: parses "capacity n" and n operations ("G key" or "P key value"), calls
// the learner's function (in solution.go) and prints a summary of what it returned:
// "gets N evictions E", a checksum of the GET results, and the results themselves when there
// are at most 1000 of them.
package main

import (
	"bufio"
	"os"
	"strconv"
)

// Op is one operation on the cache: a PUT of Key with Value if Put is true, else a GET of
// Key (Value is then 0 and unused).
type Op struct {
	Put   bool
	Key   int64
	Value int64
}

func main() {
	r := bufio.NewReaderSize(os.Stdin, 1<<16)
	// Hand-rolled token readers: fmt.Fscan would cost more than the cache itself.
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
		neg := c == '-'
		if neg {
			c, _ = r.ReadByte()
		}
		var n int64
		for c >= '0' && c <= '9' {
			n = n*10 + int64(c-'0')
			b, err := r.ReadByte()
			if err != nil {
				break
			}
			c = b
		}
		if neg {
			return -n
		}
		return n
	}
	capacity := int(readInt())
	n := int(readInt())
	ops := make([]Op, n)
	for i := range ops {
		kind := skip()
		ops[i].Key = readInt()
		if kind == 'P' {
			ops[i].Put = true
			ops[i].Value = readInt()
		}
	}
	results, evictions := lruCache(capacity, ops)
	var h uint64
	for _, v := range results {
		h = h*1_000_003 + uint64(v)
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer w.Flush()
	w.WriteString("gets " + strconv.Itoa(len(results)) + " evictions " + strconv.Itoa(evictions) + "\n")
	w.WriteString("checksum " + strconv.FormatUint(h, 10) + "\n")
	if len(results) <= 1000 {
		for i, v := range results {
			if i > 0 {
				w.WriteByte(' ')
			}
			w.WriteString(strconv.FormatInt(v, 10))
		}
		w.WriteByte('\n')
	}
}
