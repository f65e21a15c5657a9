// attempts: embed host files at compile time with //go:embed: the secret beside the compile
// attempts: directory, and the submission's own directory (where the judge writes its files)
// expect: CE
package main

import "embed"

//go:embed ../prep-hostile-secret.txt
var secret string

//go:embed *
var here embed.FS

func lcs(a, b string) int {
	print(secret)
	entries, _ := here.ReadDir(".")
	return len(entries)
}
