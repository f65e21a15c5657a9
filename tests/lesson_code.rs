//! Compiles, vets and runs every `go` and `rust` code block of every lesson, as the table in
//! `content/README.md` says, and reports every failure at once as
//! `file:line: lang block: reason (stderr excerpt)`.
//!
//!     CARGO_TARGET_DIR=target/lessons cargo test -p prep-tests --test lesson_code
//!
//! Environment:
//! - `LESSON_FILTER=substr` checks only lesson files whose path contains `substr`.
//! - `LESSON_JOBS=n` checks `n` blocks at a time (default 2).
//!
//! Go comes from `tools/go/bin/go` (installed by `scripts/setup.sh`), runs offline
//! (`GOTOOLCHAIN=local GOPROXY=off`), and caches builds in `target/go-cache` so reruns are fast.

use prep_tests::blocks::{self, Block, Paired};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const RUN_LIMIT: Duration = Duration::from_secs(10);
const TEST_LIMIT: Duration = Duration::from_secs(60);
const BUILD_LIMIT: Duration = Duration::from_secs(300);

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn lesson_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            lesson_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "md") {
            out.push(p);
        }
    }
}

/// One block to check, with where it came from.
struct Job {
    file: String,
    item: Paired,
}

struct Env {
    go: PathBuf,
    go_version: String,
    gocache: PathBuf,
    gopath: PathBuf,
    scratch: PathBuf,
    counter: AtomicUsize,
    run_limit: Duration,
}

impl Env {
    fn go_cmd(&self, dir: &Path) -> Command {
        let mut c = Command::new(&self.go);
        c.current_dir(dir)
            .env("GOTOOLCHAIN", "local")
            .env("GOPROXY", "off")
            .env("GOFLAGS", "-mod=mod")
            .env("GOCACHE", &self.gocache)
            .env("GOPATH", &self.gopath)
            .env("GOMODCACHE", self.gopath.join("pkg/mod"))
            .env("GOWORK", "off")
            .env("GOENV", "off")
            .env("CGO_ENABLED", "0")
            .env_remove("GOROOT")
            .env_remove("GOOS")
            .env_remove("GOARCH");
        c
    }

    fn fresh_dir(&self) -> PathBuf {
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        let d = self.scratch.join(format!("b{n}"));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).unwrap();
        d
    }
}

struct Outcome {
    status: Option<i32>,
    timed_out: bool,
    stdout: String,
    stderr: String,
}

impl Outcome {
    fn ok(&self) -> bool {
        !self.timed_out && self.status == Some(0)
    }
}

/// Runs `cmd` in its own process group, killing the whole group after `limit`.
fn run(mut cmd: Command, dir: &Path, limit: Duration) -> Outcome {
    use std::os::unix::process::CommandExt;
    let out_path = dir.join(".stdout");
    let err_path = dir.join(".stderr");
    cmd.stdin(Stdio::null())
        .stdout(fs::File::create(&out_path).unwrap())
        .stderr(fs::File::create(&err_path).unwrap())
        .process_group(0);
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            return Outcome {
                status: None,
                timed_out: false,
                stdout: String::new(),
                stderr: format!("cannot start {cmd:?}: {e}"),
            };
        }
    };
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s.code();
        }
        if start.elapsed() > limit {
            timed_out = true;
            let _ = Command::new("kill").args(["-KILL", "--", &format!("-{}", child.id())]).status();
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let read = |p: &Path| String::from_utf8_lossy(&fs::read(p).unwrap_or_default()).into_owned();
    Outcome { status, timed_out, stdout: read(&out_path), stderr: read(&err_path) }
}

/// The first few meaningful lines of a tool's stderr, on one line.
fn excerpt(s: &str) -> String {
    let lines: Vec<&str> = s
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && *l != "|" && !l.starts_with("# ") && *l != "FAIL" && !l.starts_with("exit status"))
        .take(4)
        .collect();
    let mut e = lines.join(" | ");
    if e.len() > 400 {
        let mut cut = 400;
        while !e.is_char_boundary(cut) {
            cut -= 1;
        }
        e.truncate(cut);
        e.push('…');
    }
    e
}

fn failed(step: &str, o: &Outcome, limit: Duration) -> String {
    if o.timed_out {
        format!("{step} timed out after {}s", limit.as_secs())
    } else {
        let code = o.status.map_or("killed by a signal".to_owned(), |c| format!("exit {c}"));
        let detail = if o.stderr.trim().is_empty() { excerpt(&o.stdout) } else { excerpt(&o.stderr) };
        format!("{step} failed, {code} ({detail})")
    }
}

fn compare(stdout: &str, output: Option<&Block>) -> Result<(), String> {
    let got = blocks::normalize_output(stdout);
    match output {
        None if got.is_empty() => Ok(()),
        None => Err(format!(
            "program prints but no ```output block follows it (first line: {:?})",
            got.lines().next().unwrap_or("")
        )),
        Some(o) => {
            let want = blocks::normalize_output(&o.code);
            if got == want {
                Ok(())
            } else {
                Err(format!(
                    "stdout differs from the ```output block at line {}: {}",
                    o.line,
                    blocks::first_difference(&got, &want)
                ))
            }
        }
    }
}

fn check_go(env: &Env, job: &Job) -> Result<(), String> {
    let b = &job.item.block;
    let is_test = b.has_flag("test");
    let norun = b.has_flag("norun");
    let dir = env.fresh_dir();
    let result = (|| {
        let Some(pkg) = blocks::go_package(&b.code) else {
            return Err("no `package` clause (mark partial code `go fragment` and say why)".to_owned());
        };
        let pkg = pkg.to_owned();
        fs::write(dir.join("go.mod"), format!("module example.com/lesson\n\ngo {}\n", env.go_version)).unwrap();
        let file = if is_test { "x_test.go" } else { "main.go" };
        fs::write(dir.join(file), &b.code).unwrap();

        let mut vet = env.go_cmd(&dir);
        vet.args(["vet", "."]);
        let o = run(vet, &dir, BUILD_LIMIT);
        if !o.ok() {
            return Err(failed("go vet", &o, BUILD_LIMIT));
        }
        if norun {
            return Ok(());
        }
        if is_test {
            let mut t = env.go_cmd(&dir);
            t.args(["test", "-count=1", "-bench=.", "-benchtime=1x", "-timeout=50s", "."]);
            let o = run(t, &dir, TEST_LIMIT);
            return if o.ok() { Ok(()) } else { Err(failed("go test", &o, TEST_LIMIT)) };
        }
        if pkg != "main" || !blocks::go_has_main(&b.code) {
            if job.item.output.is_some() {
                return Err(
                    "has an ```output block but is not a runnable program (package main + func main)".to_owned()
                );
            }
            return Ok(()); // a library package: vet is the check
        }
        let mut build = env.go_cmd(&dir);
        build.args(["build", "-o", "prog", "."]);
        let o = run(build, &dir, BUILD_LIMIT);
        if !o.ok() {
            return Err(failed("go build", &o, BUILD_LIMIT));
        }
        run_program(env, job, &dir, &[("GOMAXPROCS", "2")])
    })();
    let _ = fs::remove_dir_all(&dir);
    result
}

/// Runs the program built as `dir/prog` and compares its stdout with the block's ```output.
fn run_program(env: &Env, job: &Job, dir: &Path, vars: &[(&str, &str)]) -> Result<(), String> {
    let mut prog = Command::new(dir.join("prog"));
    prog.current_dir(dir).envs(vars.iter().copied());
    let o = run(prog, dir, env.run_limit);
    if !o.ok() {
        return Err(failed("run", &o, env.run_limit));
    }
    compare(&o.stdout, job.item.output.as_ref())
}

fn check_rust(env: &Env, job: &Job) -> Result<(), String> {
    let b = &job.item.block;
    let dir = env.fresh_dir();
    let result = (|| {
        fs::write(dir.join("main.rs"), &b.code).unwrap();
        let has_main = blocks::rust_has_main(&b.code);
        let mut rustc = Command::new("rustc");
        rustc.current_dir(&dir).args(["--edition", "2024", "-O", "main.rs"]);
        if has_main {
            rustc.args(["-o", "prog"]);
        } else {
            rustc.args(["--crate-type", "lib", "--emit", "metadata", "-o", "lib.rmeta"]);
        }
        let o = run(rustc, &dir, BUILD_LIMIT);
        if !o.ok() {
            return Err(failed("rustc", &o, BUILD_LIMIT));
        }
        if !has_main {
            if job.item.output.is_some() {
                return Err("has an ```output block but no fn main".to_owned());
            }
            return Ok(());
        }
        run_program(env, job, &dir, &[])
    })();
    let _ = fs::remove_dir_all(&dir);
    result
}

fn check(env: &Env, job: &Job) -> Result<(), String> {
    let b = &job.item.block;
    if !b.closed {
        return Err("fence is never closed".to_owned());
    }
    let flags: Vec<&str> = b.flags.iter().map(String::as_str).collect();
    match (b.lang.as_str(), flags.as_slice()) {
        (_, ["fragment"]) => Ok(()),
        ("go", [] | ["test"] | ["norun"]) => check_go(env, job),
        ("rust", []) => check_rust(env, job),
        (lang, _) => Err(format!(
            "unknown info string {:?} (allowed: `{lang}`, `{lang} fragment`{})",
            std::iter::once(lang).chain(flags.iter().copied()).collect::<Vec<_>>().join(" "),
            if lang == "go" { ", `go test`, `go norun`" } else { "" }
        )),
    }
}

fn go_binary(root: &Path) -> PathBuf {
    let go = root.join("tools/go/bin/go");
    assert!(go.is_file(), "Go is missing at {}: run scripts/setup.sh (it installs Go into tools/go)", go.display());
    go
}

struct Report {
    checked: usize,
    fragments: usize,
    failures: Vec<String>,
}

/// Checks every `go`/`rust` block of `files`; paths in messages are relative to `root`.
fn check_files(root: &Path, files: &[PathBuf], run_limit: Duration) -> Report {
    let go = go_binary(&repo_root());
    let mut jobs = Vec::new();
    for f in files {
        let text = fs::read_to_string(f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let rel = f.strip_prefix(root).unwrap_or(f).display().to_string();
        for item in blocks::pair(blocks::extract(&text)) {
            if item.block.lang == "go" || item.block.lang == "rust" {
                jobs.push(Job { file: rel.clone(), item });
            }
        }
    }

    let version = Command::new(&go)
        .args(["env", "GOVERSION"])
        .env("GOTOOLCHAIN", "local")
        .output()
        .expect("run go env GOVERSION");
    let version = String::from_utf8_lossy(&version.stdout).trim().to_owned();
    // "go1.27.3" -> "1.27.3" for the go.mod `go` line.
    let go_version =
        version.trim_start_matches("go").split(|c: char| c.is_whitespace() || c == '-').next().unwrap_or("").to_owned();
    assert!(!go_version.is_empty(), "cannot read the Go version from {}", go.display());

    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let target = repo_root().join("target");
    let scratch = std::env::temp_dir().join(format!(
        "prep-lesson-code-{}-{}",
        std::process::id(),
        RUNS.fetch_add(1, Ordering::Relaxed)
    ));
    fs::create_dir_all(&scratch).unwrap();
    let env = Env {
        go,
        go_version,
        gocache: target.join("go-cache"),
        gopath: target.join("go-path"),
        scratch: scratch.clone(),
        counter: AtomicUsize::new(0),
        run_limit,
    };

    let workers: usize = std::env::var("LESSON_JOBS").ok().and_then(|v| v.parse().ok()).unwrap_or(2).max(1);
    let next = AtomicUsize::new(0);
    let failures: Mutex<Vec<(usize, String)>> = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else { break };
                    if let Err(reason) = check(&env, job) {
                        let b = &job.item.block;
                        let msg = format!("{}:{}: {} block: {reason}", job.file, b.line, b.lang);
                        failures.lock().unwrap().push((i, msg));
                    }
                }
            });
        }
    });
    let _ = fs::remove_dir_all(&scratch);

    let fragments = jobs.iter().filter(|j| j.item.block.has_flag("fragment")).count();
    let mut failures = failures.into_inner().unwrap();
    failures.sort();
    Report { checked: jobs.len() - fragments, fragments, failures: failures.into_iter().map(|(_, m)| m).collect() }
}

#[test]
fn lesson_code_blocks() {
    let root = repo_root();
    let mut files = Vec::new();
    lesson_files(&root.join("content/lessons"), &mut files);
    let filter = std::env::var("LESSON_FILTER").unwrap_or_default();
    files.retain(|f| f.to_string_lossy().contains(&filter));

    let started = Instant::now();
    let r = check_files(&root, &files, RUN_LIMIT);
    eprintln!(
        "lesson code: {} blocks checked ({} fragments skipped) in {} files, {:.1}s, {} failures",
        r.checked,
        r.fragments,
        files.len(),
        started.elapsed().as_secs_f64(),
        r.failures.len()
    );
    if !r.failures.is_empty() {
        let mut report = String::new();
        for f in &r.failures {
            let _ = writeln!(report, "{f}");
        }
        panic!("{} of {} lesson code blocks failed:\n{report}", r.failures.len(), r.checked);
    }
}

/// The checker itself: a lesson with one block of every kind, good and broken, must produce
/// exactly the expected failures.
#[test]
fn checker_reports_every_broken_block() {
    let dir = std::env::temp_dir().join(format!("prep-lesson-fixture-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let lesson = dir.join("fixture.md");
    let fixture = r#"+++
id = "fixture"
[[questions]]
answer = """
```go
this is not go, but it is front matter, so it is never checked
```
"""
+++

## Good blocks

```go
package main

import "fmt"

func main() { fmt.Println("hello  ") }
```

Prose between a program and its output is fine.

```output
hello
```

```go
package ring

// Len is a library function: vet only.
func Len(xs []int) int { return len(xs) }
```

```go test
package ring

import "testing"

func TestAdd(t *testing.T) {
	if 1+1 != 2 {
		t.Fatal("math")
	}
}

func BenchmarkAdd(b *testing.B) {
	for b.Loop() {
	}
}
```

```go norun
package main

import "net/http"

func main() { _ = http.ListenAndServe(":0", nil) }
```

```go fragment
x := 1 // not checked
```

```rust
fn main() {
    println!("{}", 6 * 7);
}
```

```output
42
```

```rust fragment
let x = 1;
```

## Broken blocks

```go
package main

import "fmt"

func main() { fmt.Println("a"); fmt.Println("b") }
```

```output
a
c
```

```go
package main

import "fmt"

func main() { fmt.Println("unannounced") }
```

```go
package main

import "fmt"

func main() { fmt.Printf("%d\n", "str") }
```

```go
package main

func main() { undefined() }
```

```go test
package p

import "testing"

func TestFails(t *testing.T) { t.Fatal("boom") }
```

```go
package main

import "time"

func main() { time.Sleep(time.Hour) }
```

```go
x := 1
```

```go run
package main

func main() {}
```

```rust
fn main() {
    let x: i32 = "no";
}
```

```rust
fn main() {
    std::process::exit(3);
}
```

```go
package main

func main() {}
"#;
    fs::write(&lesson, fixture).unwrap();
    let r = check_files(&dir, std::slice::from_ref(&lesson), Duration::from_secs(2));
    let _ = fs::remove_dir_all(&dir);

    let reported: Vec<(String, &str)> = r
        .failures
        .iter()
        .map(|f| {
            let mut parts = f.splitn(3, ':');
            let (file, line) = (parts.next().unwrap(), parts.next().unwrap());
            assert_eq!(file, "fixture.md", "{f}");
            (line.to_owned(), f.as_str())
        })
        .collect();
    let expect = |line: usize, what: &str| {
        let hit = reported.iter().find(|(l, _)| *l == line.to_string());
        let Some((_, msg)) = hit else { panic!("no failure reported at line {line}; got:\n{:#?}", r.failures) };
        assert!(msg.contains(what), "line {line}: expected {what:?} in {msg:?}");
    };
    // Line numbers of the broken blocks' opening fences in the fixture.
    let body_start = blocks::front_matter_lines(fixture);
    let fences: Vec<usize> = fixture
        .lines()
        .enumerate()
        .skip(body_start)
        .filter(|(_, l)| l.starts_with("```go") || l.starts_with("```rust"))
        .map(|(i, _)| i + 1)
        .collect();
    // fences: 0 go main, 1 go lib, 2 go test, 3 go norun, 4 go fragment, 5 rust, 6 rust fragment,
    // then the broken ones.
    let broken = &fences[7..];
    expect(broken[0], "stdout differs from the ```output block");
    expect(broken[0], "output line 2: got \"b\", want \"c\"");
    expect(broken[1], "program prints but no ```output block");
    expect(broken[2], "go vet failed");
    expect(broken[2], "Printf");
    expect(broken[3], "undefined");
    expect(broken[4], "go test failed");
    expect(broken[4], "boom");
    expect(broken[5], "run timed out after 2s");
    expect(broken[6], "no `package` clause");
    expect(broken[7], "unknown info string \"go run\"");
    expect(broken[8], "rustc failed");
    expect(broken[9], "run failed, exit 3");
    expect(broken[10], "fence is never closed");
    assert_eq!(r.failures.len(), broken.len(), "unexpected failures:\n{:#?}", r.failures);
    assert_eq!(r.checked, fences.len() - 2);
    assert_eq!(r.fragments, 2);
}
