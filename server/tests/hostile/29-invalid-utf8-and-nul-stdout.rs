// attempts: write invalid UTF-8, NUL bytes, a lone surrogate's bytes and a BOM to stdout, so storing,
// attempts: serialising and rendering the report must cope with bytes that are not text
// expect: WA
use std::io::Write;

fn lcs(_a: &str, _b: &str) -> i32 {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(b"\xff\xfe\x00\x00nul\x00byte \xc3\x28 \xed\xa0\x80 \xef\xbb\xbf \xf4\x90\x80\x80\n");
    let _ = out.flush();
    7
}
