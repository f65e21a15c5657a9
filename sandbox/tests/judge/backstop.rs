//! The wall-clock backstop and mid-run cancellation (epoch interruption), on a real module.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use sandbox::limits::RunLimits;
use sandbox::run::{End, Runtime};

/// An infinite loop, compiled with the real rustc (outside the judge: this is test code).
fn spin_module() -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("spin.rs"),
        "fn main() { let mut x = 1u64; loop { x = std::hint::black_box(x.wrapping_mul(7)); } }",
    )
    .unwrap();
    let status = std::process::Command::new("rustc")
        .args(["--edition=2024", "--target=wasm32-wasip1", "-O", "-o", "spin.wasm", "spin.rs"])
        .current_dir(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    std::fs::read(dir.path().join("spin.wasm")).unwrap()
}

#[test]
fn wall_clock_backstop_and_cancellation_interrupt_a_running_program() {
    let runtime = Runtime::new().unwrap();
    let module = runtime.compile(&spin_module()).unwrap();
    let prepared = runtime.prepare(&module).unwrap().expect("only WASI imports");
    let limits =
        RunLimits { fuel: u64::MAX / 2, memory_bytes: 64 << 20, output_bytes: 1024, wall: Duration::from_millis(300) };
    let big_stack = std::thread::Builder::new().stack_size(sandbox::limits::RUN_THREAD_STACK);
    let out = big_stack
        .spawn(move || {
            let t = Instant::now();
            let out = prepared.run(Arc::from(&b""[..]), &limits, None).unwrap();
            assert_eq!(out.end, End::WallClock);
            assert!(t.elapsed() < Duration::from_secs(3), "{:?}", t.elapsed());

            let cancel = Arc::new(AtomicBool::new(false));
            let flag = cancel.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(100));
                flag.store(true, Ordering::Relaxed);
            });
            let limits = RunLimits { wall: Duration::from_secs(60), ..limits };
            let t = Instant::now();
            let out = prepared.run(Arc::from(&b""[..]), &limits, Some(cancel)).unwrap();
            (out, t.elapsed())
        })
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(out.0.end, End::Cancelled);
    assert!(out.1 < Duration::from_secs(3), "{:?}", out.1);
}
