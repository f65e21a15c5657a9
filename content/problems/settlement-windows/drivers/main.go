// Driver for mergeWindows: parses n windows "merchant start end", calls the learner's
// function (in solution.go), and prints one line per run of the same merchant in the result:
// "merchant count total" (followed by the windows when the result has at most 60), then the
// number of windows and a checksum of all their bounds in order.
package main

import (
	"bufio"
	"os"
	"strconv"
)

// Window is a settlement window [Start, End) of one merchant, in milliseconds.
type Window struct {
	Merchant string
	Start    int64
	End      int64
}

const mod = 1_000_000_007

func main() {
	r := bufio.NewReaderSize(os.Stdin, 1<<16)
	// Hand-rolled token readers: fmt.Fscan would cost more than the merge itself.
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
	n := int(readInt())
	windows := make([]Window, n)
	for i := range windows {
		windows[i].Merchant = readWord()
		windows[i].Start = readInt()
		windows[i].End = readInt()
	}
	merged := mergeWindows(windows)
	full := len(merged) <= 60
	out := make([]byte, 0, 1<<12)
	for i := 0; i < len(merged); {
		j := i
		var total int64
		for j < len(merged) && merged[j].Merchant == merged[i].Merchant {
			total += merged[j].End - merged[j].Start
			j++
		}
		out = append(out, merged[i].Merchant...)
		out = append(out, ' ')
		out = strconv.AppendInt(out, int64(j-i), 10)
		out = append(out, ' ')
		out = strconv.AppendInt(out, total, 10)
		if full {
			out = append(out, ':')
			for _, w := range merged[i:j] {
				out = append(out, " ["...)
				out = strconv.AppendInt(out, w.Start, 10)
				out = append(out, ',')
				out = strconv.AppendInt(out, w.End, 10)
				out = append(out, ')')
			}
		}
		out = append(out, '\n')
		i = j
	}
	var h int64
	for _, w := range merged {
		h = (h*1_000_003 + ((w.Start%mod)+mod)%mod) % mod
		h = (h*1_000_003 + ((w.End%mod)+mod)%mod) % mod
	}
	out = append(out, "windows: "...)
	out = strconv.AppendInt(out, int64(len(merged)), 10)
	out = append(out, "\nchecksum: "...)
	out = strconv.AppendInt(out, h, 10)
	out = append(out, '\n')
	w := bufio.NewWriter(os.Stdout)
	w.Write(out)
	w.Flush()
}
