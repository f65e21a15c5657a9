// attempts: run a shell with os/exec and syscall.StartProcess that would create a file on the host;
// attempts: answers correctly only if both fail (the test checks the file never appears)
// expect: AC
package main

import (
	"os/exec"
	"syscall"
)

func lcs(a, b string) int {
	if err := exec.Command("/bin/sh", "-c", "touch @PWNED_FILE@").Run(); err == nil {
		return -1
	}
	attr := &syscall.ProcAttr{Files: []uintptr{0, 1, 2}}
	if _, _, err := syscall.StartProcess("/bin/sh", []string{"sh", "-c", "touch @PWNED_FILE@"}, attr); err == nil {
		return -2
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 0; i < len(a); i++ {
		for j := 0; j < len(b); j++ {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
