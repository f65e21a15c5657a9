// attempts: call memory.grow directly in a loop until refused, then keep going
// expect: MLE | TLE
fn lcs(_a: &str, _b: &str) -> i32 {
    let mut pages = 0usize;
    loop {
        let got = core::arch::wasm32::memory_grow(0, 16);
        if got == usize::MAX {
            // Refused: abort, as an allocator would.
            std::process::abort();
        }
        pages += 16;
        if pages == usize::MAX {
            return 0;
        }
    }
}
