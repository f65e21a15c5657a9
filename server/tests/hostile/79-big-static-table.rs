// attempts: a 60 MiB initialised static table: a huge module the judge would cache in memory and map
// attempts: into every test (sixteen of them hold a gigabyte of the server's memory)
// expect: CE
// shows: the judge takes at most
static TABLE: [u8; 60 << 20] = [1; 60 << 20];

fn lcs(a: &str, _b: &str) -> i32 {
    std::hint::black_box(&TABLE)[a.len()] as i32
}
