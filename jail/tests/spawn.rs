//! `Jail::spawn` starts real programs confined: what the child sees, what it may not do, and
//! that no child outlives the handle or the thread that asked for it.

use std::fs::File;
use std::path::Path;
use std::time::{Duration, Instant};

use jail::{Jail, Rlimits};

fn system_jail() -> Jail {
    Jail::new(&["/usr/bin".into(), "/bin".into()])
}

/// Runs `program args` confined in a fresh directory and returns its exit code and stdout.
fn run(jail: &Jail, program: &str, args: &[&str], limits: Rlimits) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join(".out");
    let out = File::create(&out_path).unwrap();
    let mut child = jail
        .command(Path::new(program))
        .args(args)
        .env("ONLY", "this")
        .stdout(out)
        .limits(limits)
        .spawn(dir.path())
        .unwrap();
    let status = child.wait().unwrap();
    (status.code(), std::fs::read_to_string(out_path).unwrap())
}

#[test]
fn the_child_sees_its_own_directory_and_only_the_variables_it_was_given() {
    let (code, out) = run(&system_jail(), "/usr/bin/sh", &["-c", "ls -a; env | sort"], Rlimits::default());
    assert_eq!(code, Some(0), "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[..3], [".", "..", ".out"], "its working directory is the fresh one: {out}");
    // sh adds PWD itself; nothing of the test process's environment is there.
    let vars: Vec<&str> = lines[3..].iter().copied().filter(|l| !l.starts_with("PWD=")).collect();
    assert_eq!(vars, ["ONLY=this"], "{out}");
}

#[test]
fn limits_hold_in_the_child() {
    let limits = Rlimits {
        cpu_seconds: Some(7),
        address_space_bytes: Some(512 << 20),
        file_size_bytes: Some(1 << 20),
        ..Rlimits::default()
    };
    let (code, out) = run(&system_jail(), "/usr/bin/sh", &["-c", "ulimit -t; ulimit -v; ulimit -f"], limits);
    assert_eq!(code, Some(0), "{out}");
    // dash reports kilobytes for -v and 512-byte blocks for -f.
    assert_eq!(out.lines().collect::<Vec<_>>(), ["7", "524288", "2048"]);
}

#[test]
fn the_child_leads_its_own_process_group_and_reads_only_its_own_proc() {
    let jail = system_jail().with_own_proc();
    let (code, out) = run(&jail, "/usr/bin/cat", &["/proc/self/stat"], Rlimits::default());
    assert_eq!(code, Some(0), "{out}");
    // Fields after the command name: state, ppid, pgrp.
    let after_name = &out[out.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = after_name.split(' ').collect();
    let pid = out.split(' ').next().unwrap();
    assert_eq!(fields[2], pid, "pgrp is the child's own pid: {out}");
    assert_eq!(fields[1], std::process::id().to_string(), "the test process is the parent: {out}");
    let (code, out) = run(&jail, "/usr/bin/cat", &["/proc/1/environ"], Rlimits::default());
    assert_ne!(code, Some(0), "another process's /proc is out of reach: {out}");
}

#[test]
fn landlock_keeps_the_child_out_of_files_beyond_its_directories() {
    let (code, out) = run(&system_jail(), "/usr/bin/cat", &["/etc/passwd"], Rlimits::default());
    assert_ne!(code, Some(0));
    assert!(!out.contains("root:"), "{out}");
}

#[test]
fn a_program_that_cannot_start_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let jail = system_jail();
    let missing = jail.command(Path::new("/usr/bin/no-such-program")).spawn(dir.path()).unwrap_err();
    assert!(missing.to_string().contains("exec for /usr/bin/no-such-program"), "{missing}");
    assert!(missing.to_string().contains("No such file"), "{missing}");
    let relative = jail.command(Path::new("cat")).spawn(dir.path()).unwrap_err();
    assert!(relative.to_string().contains("not an absolute path"), "{relative}");
    let nul = jail.command(Path::new("/usr/bin/echo")).arg("a\0b").spawn(dir.path()).unwrap_err();
    assert!(nul.to_string().contains("NUL"), "{nul}");
    // Outside the jail's directories, exec itself is refused by Landlock.
    let outside = tempfile::tempdir().unwrap();
    let script = outside.path().join("run.sh");
    std::fs::write(&script, "#!/bin/sh\necho hi\n").unwrap();
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let refused = jail.command(&script).spawn(dir.path()).unwrap_err();
    assert!(refused.to_string().contains("Permission denied"), "{refused}");
}

fn alive(pid: u32) -> bool {
    // SAFETY: signal 0 only checks that the process exists.
    unsafe { libc::kill(pid as libc::pid_t, 0) == 0 }
}

#[test]
fn dropping_the_handle_kills_and_reaps_the_child() {
    let dir = tempfile::tempdir().unwrap();
    let child = system_jail().command(Path::new("/usr/bin/sleep")).arg("30").spawn(dir.path()).unwrap();
    let pid = child.id();
    assert!(alive(pid));
    drop(child);
    assert!(!alive(pid), "killed and reaped, not left a zombie");
}

#[test]
fn the_child_dies_with_the_thread_that_spawned_it() {
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path().to_owned();
    let pid = std::thread::spawn(move || {
        let child =
            system_jail().command(Path::new("/usr/bin/sleep")).arg("30").die_with_thread().spawn(&work).unwrap();
        let pid = child.id();
        // Leave the child unreaped: only the thread's end may stop it.
        std::mem::forget(child);
        pid
    })
    .join()
    .unwrap();
    let started = Instant::now();
    let mut raw = 0;
    // SAFETY: waits for our own child.
    let reaped = unsafe { libc::waitpid(pid as libc::pid_t, &mut raw, 0) };
    assert_eq!(reaped, pid as libc::pid_t);
    assert!(libc::WIFSIGNALED(raw) && libc::WTERMSIG(raw) == libc::SIGKILL, "status {raw:#x}");
    assert!(started.elapsed() < Duration::from_secs(20), "killed, not left to sleep out its 30 s");
}
