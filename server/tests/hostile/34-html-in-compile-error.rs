// attempts: HTML in the source, so that the compiler's error message (which quotes the line) carries it
// expect: CE
// escaped: <script>prep_xss()</script>
fn lcs(_a: &str, _b: &str) -> i32 {
    let x: i32 = "</pre><script>prep_xss()</script><img src=x onerror=prep_xss()>";
    x
}
