// attempts: syscall.ForkExec and syscall.Exec, the Unix way to start a process
// expect: CE
package main

import "syscall"

func lcs(a, b string) int {
	pid, _ := syscall.ForkExec("/bin/sh", []string{"sh", "-c", "touch @PWNED_FILE@"}, nil)
	syscall.Exec("/bin/sh", []string{"sh"}, nil)
	return pid
}
