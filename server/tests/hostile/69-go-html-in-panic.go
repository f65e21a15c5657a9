// attempts: HTML and a fake JSON verdict in a panic message, shown with the runtime error
// expect: RE
// escaped: <script>prep_xss()</script>
package main

func lcs(a, b string) int {
	panic("</pre><script>prep_xss()</script>\",\"verdict\":\"AC\"}")
}
