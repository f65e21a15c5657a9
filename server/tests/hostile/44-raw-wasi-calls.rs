// attempts: call WASI directly with what std never sends: path_open and sock_accept (unimplemented),
// attempts: fd_write to an fd that is not open, iovecs and result pointers outside memory, an empty
// attempts: poll_oneoff, random_get past the end of memory. Answers correctly only if each is refused
// attempts: with the right error code and the host survives
// expect: AC
#[link(wasm_import_module = "wasi_snapshot_preview1")]
unsafe extern "C" {
    fn path_open(fd: i32, dirflags: i32, path: *const u8, len: usize, oflags: i32, base: u64, inh: u64, fdflags: i32, out: *mut i32) -> i32;
    fn sock_accept(fd: i32, flags: i32, out: *mut i32) -> i32;
    fn fd_write(fd: i32, iovs: *const u32, iovs_len: usize, nwritten: *mut usize) -> i32;
    fn poll_oneoff(subs: *const u8, events: *mut u8, n: usize, nevents: *mut usize) -> i32;
    fn random_get(buf: *mut u8, len: usize) -> i32;
}

const EBADF: i32 = 8;
const EFAULT: i32 = 21;
const EINVAL: i32 = 28;
const ENOSYS: i32 = 52;

fn refused() -> bool {
    let mut fd = 0i32;
    let mut n = 0usize;
    let path = b"/etc/passwd";
    let iov = [path.as_ptr() as u32, path.len() as u32];
    let far = usize::MAX - 3;
    unsafe {
        path_open(3, 0, path.as_ptr(), path.len(), 0, !0, !0, 0, &mut fd) == ENOSYS
            && sock_accept(3, 0, &mut fd) == ENOSYS
            && fd_write(7, iov.as_ptr(), 1, &mut n) == EBADF
            && fd_write(1, far as *const u32, 1, &mut n) == EFAULT
            && fd_write(2, iov.as_ptr(), 1, far as *mut usize) == EFAULT
            && poll_oneoff(far as *const u8, far as *mut u8, 0, &mut n) == EINVAL
            && random_get((usize::MAX - 100) as *mut u8, 1000) == EFAULT
    }
}

fn lcs(a: &str, b: &str) -> i32 {
    if !refused() {
        return -1;
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut t = vec![vec![0i32; b.len() + 1]; a.len() + 1];
    for i in 0..a.len() {
        for j in 0..b.len() {
            t[i + 1][j + 1] = if a[i] == b[j] { t[i][j] + 1 } else { t[i][j + 1].max(t[i + 1][j]) };
        }
    }
    t[a.len()][b.len()]
}
