// attempts: find anything of the host at run time: the environment, /etc/passwd, /proc/self/environ,
// attempts: the planted secrets, a listing of /. Answers correctly only if every probe came back empty.
// expect: AC
package main

import (
	"fmt"
	"os"
	"strings"
)

func probes() string {
	var found strings.Builder
	for _, kv := range os.Environ() {
		fmt.Fprintf(&found, "env %q\n", kv)
	}
	if v, ok := os.LookupEnv("PREP_HOSTILE_SECRET"); ok {
		fmt.Fprintf(&found, "secret %s\n", v)
	}
	for _, path := range []string{"/etc/passwd", "/proc/self/environ", "@SECRET_FILE@", "../prep-hostile-secret.txt"} {
		if data, err := os.ReadFile(path); err == nil {
			fmt.Fprintf(&found, "read %s: %s\n", path, data)
		}
	}
	if entries, err := os.ReadDir("/"); err == nil {
		fmt.Fprintf(&found, "listed / (%d entries)\n", len(entries))
	}
	return found.String()
}

func lcs(a, b string) int {
	if found := probes(); found != "" {
		fmt.Print(found)
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
