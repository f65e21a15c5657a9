// attempts: run host code at build time: cgo (import "C" with a C constructor) and a go:generate line
// expect: CE
package main

//go:generate sh -c "touch @PWNED_FILE@"

/*
#include <stdlib.h>
__attribute__((constructor)) static void pwn(void) { system("touch @PWNED_FILE@"); }
*/
import "C"

func lcs(a, b string) int {
	return 0
}
