// Driver for suffixArray: reads one line s, calls the learner's function (in solution.go),
// checks that sa is a permutation of 0..n and that lcp has n entries, then prints the arrays
// (n <= 60) or their checksums (larger n), and the number of distinct substrings.
package main

import (
	"bufio"
	"os"
	"strconv"
	"strings"
)

const mod = 1_000_000_007

// Polynomial checksum: h = h * 1_000_003 + (x + 1), mod 1e9+7, in order.
func checksum(xs []int) int64 {
	var h uint64
	for _, x := range xs {
		h = (h*1_000_003 + uint64(x)%mod + 1) % mod
	}
	return int64(h)
}

func main() {
	r := bufio.NewReaderSize(os.Stdin, 1<<16)
	line, _ := r.ReadString('\n')
	s := strings.TrimSpace(line)
	n := len(s)
	sa, lcp := suffixArray(s)
	out := make([]byte, 0, 1024)
	switch {
	case len(sa) != n:
		out = append(out, "invalid: sa has "...)
		out = strconv.AppendInt(out, int64(len(sa)), 10)
		out = append(out, " entries, want "...)
		out = strconv.AppendInt(out, int64(n), 10)
		out = append(out, '\n')
	case len(lcp) != n:
		out = append(out, "invalid: lcp has "...)
		out = strconv.AppendInt(out, int64(len(lcp)), 10)
		out = append(out, " entries, want "...)
		out = strconv.AppendInt(out, int64(n), 10)
		out = append(out, '\n')
	default:
		seen := make([]bool, n)
		ok := true
		for _, i := range sa {
			if i < 0 || i >= n || seen[i] {
				ok = false
				break
			}
			seen[i] = true
		}
		if !ok {
			out = append(out, "invalid: sa is not a permutation of 0..n-1\n"...)
			break
		}
		var distinct int64
		for r := 0; r < n; r++ {
			distinct += int64(n-sa[r]) - int64(lcp[r])
		}
		if n <= 60 {
			out = append(out, "sa:"...)
			for _, x := range sa {
				out = append(out, ' ')
				out = strconv.AppendInt(out, int64(x), 10)
			}
			out = append(out, "\nlcp:"...)
			for _, x := range lcp {
				out = append(out, ' ')
				out = strconv.AppendInt(out, int64(x), 10)
			}
			out = append(out, '\n')
		} else {
			out = append(out, "n: "...)
			out = strconv.AppendInt(out, int64(n), 10)
			out = append(out, "\nsa checksum: "...)
			out = strconv.AppendInt(out, checksum(sa), 10)
			out = append(out, "\nlcp checksum: "...)
			out = strconv.AppendInt(out, checksum(lcp), 10)
			out = append(out, '\n')
		}
		out = append(out, "distinct substrings: "...)
		out = strconv.AppendInt(out, distinct, 10)
		out = append(out, '\n')
	}
	w := bufio.NewWriter(os.Stdout)
	w.Write(out)
	w.Flush()
}
