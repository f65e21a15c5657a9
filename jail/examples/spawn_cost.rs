//! What starting a child costs a big parent: `fork` (what `std::process::Command` does when it
//! has a `pre_exec` hook, as the jail once had) side by side with the jail's shared-memory start
//! (`Jail::command`), in one run.
//!
//! `cargo run --release -p jail --example spawn_cost -- [GiB of parent memory] [runs]`
//!
//! The parent first touches the given memory (as a web server with a warm cache and a judge
//! would have), then starts `/usr/bin/true` `runs` times each way (in its own process group both
//! times; confined by the jail only the second, which makes that start do more, not less). Printed: how long the
//! start took, and the longest another thread of the parent waited meanwhile for a fresh page
//! (page faults need the memory-map lock that `fork` holds while it copies page tables).

use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use jail::Jail;

fn main() {
    let mut args = std::env::args().skip(1);
    let gib: usize = args.next().map_or(1, |a| a.parse().expect("GiB is a whole number"));
    let runs: usize = args.next().map_or(40, |a| a.parse().expect("runs is a whole number"));
    let ballast = touched(gib << 30);
    println!("parent: {gib} GiB touched, {runs} starts of /usr/bin/true each way");
    let jail = Jail::new(&["/usr/bin".into()]);
    let dir = std::env::temp_dir();

    let fork = measure(runs, || {
        let mut cmd = Command::new("/usr/bin/true");
        cmd.process_group(0);
        // A hook makes std fork instead of posix_spawn, as the jail's hooks once did.
        // SAFETY: an empty hook.
        unsafe { cmd.pre_exec(|| Ok(())) };
        let started = Instant::now();
        let mut child = cmd.spawn().expect("spawn");
        let took = started.elapsed();
        child.wait().expect("wait");
        took
    });
    let shared = measure(runs, || {
        let started = Instant::now();
        let mut child = jail.command(Path::new("/usr/bin/true")).spawn(&dir).expect("spawn");
        let took = started.elapsed();
        child.wait().expect("wait");
        took
    });
    println!("{:<28} {:>10} {:>10} {:>10} {:>22}", "start", "median", "p90", "max", "page-fault wait, max");
    for (name, m) in [("fork (Command + pre_exec)", &fork), ("CLONE_VM|CLONE_VFORK", &shared)] {
        println!(
            "{name:<28} {:>10} {:>10} {:>10} {:>22}",
            ms(m.percentile(50)),
            ms(m.percentile(90)),
            ms(m.percentile(100)),
            ms(m.fault_wait_max)
        );
    }
    println!(
        "median ratio fork / shared: {:.1}x",
        fork.percentile(50).as_secs_f64() / shared.percentile(50).as_secs_f64()
    );
    std::hint::black_box(ballast);
}

struct Measured {
    starts: Vec<Duration>,
    fault_wait_max: Duration,
}

impl Measured {
    fn percentile(&self, p: usize) -> Duration {
        let mut sorted = self.starts.clone();
        sorted.sort();
        sorted[(sorted.len() - 1) * p / 100]
    }
}

/// Runs `start` `runs` times while another thread faults in fresh pages and records its worst wait.
fn measure(runs: usize, mut start: impl FnMut() -> Duration) -> Measured {
    let stop = Arc::new(AtomicBool::new(false));
    let worst_ns = Arc::new(AtomicU64::new(0));
    let faulter = {
        let (stop, worst_ns) = (stop.clone(), worst_ns.clone());
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                let began = Instant::now();
                fresh_pages(64);
                worst_ns.fetch_max(began.elapsed().as_nanos() as u64, Ordering::Relaxed);
                std::thread::sleep(Duration::from_micros(200));
            }
        })
    };
    let starts = (0..runs).map(|_| start()).collect();
    stop.store(true, Ordering::Relaxed);
    faulter.join().expect("faulter");
    Measured { starts, fault_wait_max: Duration::from_nanos(worst_ns.load(Ordering::Relaxed)) }
}

/// Maps `count` fresh pages, faults each in and unmaps them: what a server thread does when it
/// grows a buffer (malloc hands out fresh mappings for big ones).
fn fresh_pages(count: usize) {
    let len = count * 4096;
    // SAFETY: a private anonymous mapping, written within its bounds, then unmapped.
    unsafe {
        let base = libc::mmap(
            std::ptr::null_mut(),
            len,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        );
        assert_ne!(base, libc::MAP_FAILED, "mmap");
        for i in (0..len).step_by(4096) {
            base.cast::<u8>().add(i).write_volatile(1);
        }
        libc::munmap(base, len);
    }
}

fn touched(bytes: usize) -> Vec<u8> {
    let mut v = vec![0u8; bytes];
    for i in (0..bytes).step_by(4096) {
        v[i] = 1;
    }
    v
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}
