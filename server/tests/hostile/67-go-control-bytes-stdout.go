// attempts: invalid UTF-8, NUL bytes, ANSI escapes and a 60,000-byte line on stdout
// expect: WA
package main

import (
	"os"
	"strings"
)

func lcs(a, b string) int {
	os.Stdout.Write([]byte("\xff\xfe\x00nul\x00 \xc3\x28 \x1b[2J\x1b]0;pwned\x07 \x1b[31m"))
	os.Stdout.WriteString(strings.Repeat("x", 60_000))
	return 7
}
