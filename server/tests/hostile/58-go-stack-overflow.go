// attempts: unbounded recursion with 8 KiB frames (stack overflow)
// expect: RE
// shows: stack
package main

func down(n int) int {
	var frame [1024]int
	frame[n%1024] = n
	return down(n+1) + frame[(n+1)%1024]
}

func lcs(a, b string) int {
	return down(len(a))
}
