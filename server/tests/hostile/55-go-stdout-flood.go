// attempts: print gigabytes to stdout
// expect: OLE
package main

import "os"

func lcs(a, b string) int {
	block := make([]byte, 1<<20)
	for i := range block {
		block[i] = 'G'
	}
	for i := 0; i < 4096; i++ {
		os.Stdout.Write(block)
	}
	return 0
}
