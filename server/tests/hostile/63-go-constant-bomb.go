// attempts: a compiler bomb: untyped constants of millions of bits, squared again and again
// expect: CE
package main

const c0 = 1 << 100000
const c1 = c0 * c0
const c2 = c1 * c1
const c3 = c2 * c2
const c4 = c3 * c3

func lcs(a, b string) int {
	return int(c4 >> 1599999)
}
