// attempts: grow a Vec without bound, a megabyte at a time, touching every page
// expect: MLE | TLE
fn lcs(a: &str, _b: &str) -> i32 {
    let mut keep: Vec<Vec<u8>> = Vec::new();
    loop {
        let mut chunk = Vec::with_capacity(1 << 20);
        chunk.resize(1 << 20, a.len() as u8);
        keep.push(chunk);
        if keep.len() == usize::MAX {
            return keep.len() as i32;
        }
    }
}
