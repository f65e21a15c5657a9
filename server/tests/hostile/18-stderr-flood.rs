// attempts: print gigabytes to stderr, forever
// expect: TLE | OLE
use std::io::Write;

fn lcs(_a: &str, _b: &str) -> i32 {
    let block = vec![b'E'; 1 << 16];
    let mut err = std::io::stderr().lock();
    loop {
        let _ = err.write_all(&block);
    }
}
