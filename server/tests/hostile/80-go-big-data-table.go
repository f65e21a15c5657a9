// attempts: a 40 MiB initialised array in Go, sparse (two bytes set): too sparse for a copy-on-write
// attempts: memory image, so wasmtime would compile a start-up function copying all of Go's ~27,000 data
// attempts: segments in, a minute of uninterruptible module compilation from one line of source
// expect: CE
// shows: the judge takes at most
package main

var table = [40 << 20]byte{0: 1, 40<<20 - 1: 1}

func lcs(a, b string) int {
	return int(table[len(a)]) - 1
}
