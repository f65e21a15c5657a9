// attempts: dial the judge's own web server over TCP, send UDP, and resolve names (DNS);
// attempts: answers correctly only if no connection reaches the host
// expect: AC
package main

import (
	"fmt"
	"net"
	"time"
)

func reached() bool {
	if c, err := net.DialTimeout("tcp", "@SERVER_ADDR@", time.Second); err == nil {
		fmt.Fprintf(c, "GET /api/pwned HTTP/1.0\r\n\r\n")
		buf := make([]byte, 64)
		if n, _ := c.Read(buf); n > 0 {
			return true
		}
	}
	if c, err := net.Dial("udp", "127.0.0.1:53"); err == nil {
		if _, err := c.Write([]byte("pwned")); err == nil {
			buf := make([]byte, 64)
			c.SetReadDeadline(time.Now().Add(time.Second))
			if n, _ := c.Read(buf); n > 0 {
				return true
			}
		}
	}
	if addrs, err := net.LookupHost("example.com"); err == nil && len(addrs) > 0 {
		return true
	}
	return false
}

func lcs(a, b string) int {
	if reached() {
		return -1
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
