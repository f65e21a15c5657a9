// attempts: print gigabytes to stdout
// expect: OLE
use std::io::Write;

fn lcs(_a: &str, _b: &str) -> i32 {
    let block = vec![b'A'; 1 << 20];
    let mut out = std::io::stdout().lock();
    for _ in 0..4096 {
        let _ = out.write_all(&block);
    }
    0
}
