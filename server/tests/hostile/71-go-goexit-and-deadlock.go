// attempts: end the main goroutine with runtime.Goexit while another blocks forever (a deadlock)
// expect: RE
package main

import "runtime"

func lcs(a, b string) int {
	go func() { select {} }()
	runtime.Goexit()
	return 0
}
