// attempts: a compiler bomb just under the source limit: an expression nested 24,000 parentheses deep
// expect: CE | WA
package main

func lcs(a, b string) int {
	return @REPEAT:24000:(@0@REPEAT:24000:)@
}
