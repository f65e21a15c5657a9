// attempts: a compiler bomb: a composite literal whose one index makes the compiler lay out a 2 GiB array
// expect: CE | MLE
package main

var big = [1 << 31]byte{1<<31 - 1: 1}

func lcs(a, b string) int {
	return int(big[len(a)])
}
