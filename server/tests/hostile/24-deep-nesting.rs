// attempts: a compiler bomb just under the source limit: an expression nested 24,000 parentheses deep
// expect: CE | WA
fn lcs(_a: &str, _b: &str) -> i32 {
    @REPEAT:24000:(@0@REPEAT:24000:)@
}
