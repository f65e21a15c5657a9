// attempts: HTML and a fake JSON verdict in a panic message, shown with the runtime error
// expect: RE
// escaped: <script>prep_xss()</script>
fn lcs(_a: &str, _b: &str) -> i32 {
    panic!("</textarea></pre><script>prep_xss()</script>\",\"verdict\":\"AC\"}}");
}
