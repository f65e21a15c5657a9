// attempts: print to stderr forever
// expect: TLE | OLE
package main

import "os"

func lcs(a, b string) int {
	block := make([]byte, 1<<16)
	for {
		os.Stderr.Write(block)
	}
}
