// attempts: call WASI's path_open and sock_accept directly with //go:wasmimport on the fds a
// attempts: preopened directory would have; answers correctly only if both are refused
// expect: AC
package main

import "unsafe"

//go:wasmimport wasi_snapshot_preview1 path_open
func pathOpen(fd int32, dirflags uint32, path unsafe.Pointer, pathLen uint32, oflags uint32, base uint64, inheriting uint64, fdflags uint32, out unsafe.Pointer) uint32

//go:wasmimport wasi_snapshot_preview1 sock_accept
func sockAccept(fd int32, flags uint32, out unsafe.Pointer) uint32

func lcs(a, b string) int {
	path := []byte("etc/passwd")
	var fd int32
	for dir := int32(3); dir < 8; dir++ {
		if pathOpen(dir, 0, unsafe.Pointer(&path[0]), uint32(len(path)), 0, ^uint64(0), ^uint64(0), 0, unsafe.Pointer(&fd)) == 0 {
			return -1
		}
		if sockAccept(dir, 0, unsafe.Pointer(&fd)) == 0 {
			return -2
		}
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
