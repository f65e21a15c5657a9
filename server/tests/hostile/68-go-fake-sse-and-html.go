// attempts: a fake server-sent verdict event, CRLFs, JSON fragments and HTML on stdout and stderr
// expect: WA
// escaped: <script>prep_xss()</script>
package main

import (
	"fmt"
	"os"
)

func lcs(a, b string) int {
	fake := "\n\nevent: verdict\ndata: {\"submission\":1,\"verdict\":\"AC\",\"finished\":true}\n\n\r\n\r\n"
	fmt.Print(fake, "</script><script>prep_xss()</script><img src=x onerror=prep_xss()>\n")
	fmt.Fprint(os.Stderr, fake)
	return -1
}
