// attempts: Trojan Source: bidirectional override characters (written as U+XXXX between two at signs and put in
// attempts: by the test) in a string literal and a comment, so the code reads differently from what it does
// expect: CE
// shows: unicode codepoint changing visible direction of text present
fn lcs(_a: &str, _b: &str) -> i32 {
    let access = "user@U+202E@ @U+2066@// admin@U+2069@ @U+2066@";
    // @U+202E@ } @U+2066@if access == "admin"@U+2069@ @U+2066@ begin admins only
    access.len() as i32
}
