// attempts: make the host do the work: fd_write to stderr with tens of millions of empty iovecs per call,
// attempts: in a loop, so that almost no wasm instructions (fuel) are spent while the host spins
// expect: TLE
// shows: used more than
#[link(wasm_import_module = "wasi_snapshot_preview1")]
unsafe extern "C" {
    fn fd_write(fd: i32, iovs: *const u32, iovs_len: usize, nwritten: *mut usize) -> i32;
}

fn lcs(_a: &str, _b: &str) -> i32 {
    // 200 MiB of zeros: 25 million iovecs of length 0.
    let zeros = vec![0u32; 50 << 20];
    let mut n = 0usize;
    loop {
        unsafe { fd_write(2, zeros.as_ptr(), zeros.len() / 2, &mut n) };
    }
}
