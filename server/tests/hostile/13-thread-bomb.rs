// attempts: a thread bomb: spawn threads that spin forever, without end
// expect: RE | TLE | MLE
fn lcs(_a: &str, _b: &str) -> i32 {
    let mut handles = Vec::new();
    loop {
        handles.push(std::thread::spawn(|| {
            loop {
                std::hint::spin_loop();
            }
        }));
    }
}
