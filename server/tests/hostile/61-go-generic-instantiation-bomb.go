// attempts: a compiler bomb: a generic function that instantiates itself with an ever larger type
// expect: CE
package main

func deeper[T any](x T, n int) int {
	if n == 0 {
		return 0
	}
	return 1 + deeper[[]T]([]T{x}, n-1)
}

func lcs(a, b string) int {
	return deeper(a, len(a))
}
