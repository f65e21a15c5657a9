// attempts: import a host function the judge does not provide, with //go:wasmimport
// expect: CE
// shows: imports functions the judge does not provide
package main

import "unsafe"

//go:wasmimport env system
func system(command unsafe.Pointer) int32

func lcs(a, b string) int {
	cmd := []byte("touch @PWNED_FILE@\x00")
	return int(system(unsafe.Pointer(&cmd[0])))
}
