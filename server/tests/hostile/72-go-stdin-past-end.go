// attempts: read stdin past its end a thousand times (the driver has read it all);
// attempts: answers correctly only if every read says end of file
// expect: AC
package main

import (
	"io"
	"os"
)

func lcs(a, b string) int {
	buf := make([]byte, 64)
	for i := 0; i < 1_000; i++ {
		if n, err := os.Stdin.Read(buf); n != 0 || err != io.EOF {
			return -1
		}
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 0; i < len(a); i++ {
		for j := 0; j < len(b); j++ {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
