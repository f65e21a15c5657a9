// attempts: Trojan Source in Go: bidirectional overrides (written as U+XXXX between two at signs, put in by the test)
// attempts: inside a string and a comment, and a Cyrillic homoglyph identifier; prints them back
// expect: WA
// note: a raw U+FEFF in the middle of a file is a Go compile error, so the BOM printed is an escape
package main

import "fmt"

func lcs(a, b string) int {
	аccess := "user@U+202E@ @U+2066@// admin@U+2069@ @U+2066@" // the first letter is Cyrillic
	// @U+202E@ } @U+2066@if access == "admin"@U+2069@ @U+2066@ begin admins only
	fmt.Println(аccess, "@U+200B@\uFEFF@U+2028@@U+2029@")
	return -1
}
