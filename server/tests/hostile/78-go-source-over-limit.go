// attempts: a Go source well over the 50,000-byte limit (60,000): refused at the door with a clear message
// expect: refused
// pad-to: 60000
package main

func lcs(a, b string) int {
	return 0
}
