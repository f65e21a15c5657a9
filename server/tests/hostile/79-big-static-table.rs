// attempts: a 24 MiB initialised static table: a huge module the judge would cache in memory and map
// attempts: into every test (sixteen of them hold 384 MiB of the server's memory). Over the 16 MiB
// attempts: cap, yet small enough that rustc writes it well within the compile's 10 s on a busy machine
// expect: CE
// shows: the judge takes at most
static TABLE: [u8; 24 << 20] = [1; 24 << 20];

fn lcs(a: &str, _b: &str) -> i32 {
    std::hint::black_box(&TABLE)[a.len()] as i32
}
