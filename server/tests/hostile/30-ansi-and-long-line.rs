// attempts: terminal escape sequences (clear screen, set title, hyperlink) and one 60,000-byte line
// attempts: without a newline, just under the output limit
// expect: WA
fn lcs(_a: &str, _b: &str) -> i32 {
    print!("\x1b[2J\x1b[H\x1b]0;pwned\x07\x1b]8;;javascript:prep_xss()\x1b\\click\x1b]8;;\x1b\\\x1b[31m");
    print!("{}", "L".repeat(60_000));
    0
}
