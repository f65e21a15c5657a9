// attempts: exit with a nonzero code from inside the function
// expect: RE
// shows: exit code 3
package main

import "os"

func lcs(a, b string) int {
	os.Exit(3)
	return 0
}
