//! Go → wasip1/wasm with `go tool compile` and `go tool link` directly.
//!
//! Not `go build`: that would need a writable GOCACHE shared by every submission (a hostile
//! compile could poison it for everyone). Instead the standard library is compiled once, by the
//! judge, into a judge-owned cache (`go list -export`), and each submission's compile and link
//! read those archives through an importcfg, read-only, from inside the jail. It is also faster
//! than `go build` (no cache lookups, no go.mod resolution). `//go:embed` fails because no
//! embedcfg is given; blocked `go:linkname` pulls fail in the linker.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use super::{Compiled, Sources, failure_message, write};
use crate::error::{Error, Result};
use crate::jail::{Jail, JailLimits};
use crate::limits::GO_MAX_STACK_BYTES;

/// Added to every Go submission: the goroutine stack limit (see `GO_MAX_STACK_BYTES`).
fn judge_init() -> String {
    format!("package main\n\nimport \"runtime/debug\"\n\nfunc init() {{ debug.SetMaxStack({GO_MAX_STACK_BYTES}) }}\n")
}

pub struct GoToolchain {
    goroot: PathBuf,
    tool_dir: PathBuf,
    /// Judge-owned cache holding the compiled standard library (read-only to submissions).
    std_cache: PathBuf,
    importcfg: String,
    jail: Jail,
    pub version: String,
}

impl GoToolchain {
    /// Uses the Go distribution at `goroot` and compiles the standard library for wasip1 into
    /// `cache_dir` (about a minute the first time, a quarter second when warm).
    pub fn prepare(goroot: &Path, cache_dir: &Path) -> Result<GoToolchain> {
        let goroot = goroot.canonicalize().map_err(|e| Error::io(format!("find Go at {}", goroot.display()), e))?;
        let go = goroot.join("bin").join("go");
        let version = std::fs::read_to_string(goroot.join("VERSION"))
            .map_err(|e| Error::io("read Go VERSION", e))?
            .lines()
            .next()
            .unwrap_or("go")
            .to_owned();
        let std_cache = cache_dir.join(format!("go-std-{version}-wasip1"));
        std::fs::create_dir_all(&std_cache).map_err(|e| Error::io("create Go std cache", e))?;
        let std_cache = std_cache.canonicalize().map_err(|e| Error::io("Go std cache", e))?;
        let gocache = std_cache.join("gocache");
        let home = std_cache.join("home");
        std::fs::create_dir_all(&home).map_err(|e| Error::io("create Go home", e))?;
        // Trusted input (the standard library), so this one runs outside the jail.
        let out = Command::new(&go)
            .args([
                "list",
                "-trimpath",
                "-export",
                "-deps",
                "-f",
                "{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}",
                "std",
            ])
            .env_clear()
            .env("HOME", &home)
            .env("GOROOT", &goroot)
            .env("GOCACHE", &gocache)
            .env("GOPATH", home.join("gopath"))
            .env("GOENV", "off")
            .env("GOTOOLCHAIN", "local")
            .env("GOPROXY", "off")
            .env("GOFLAGS", "")
            .env("CGO_ENABLED", "0")
            .env("GOOS", "wasip1")
            .env("GOARCH", "wasm")
            .env("PATH", goroot.join("bin"))
            .current_dir(&std_cache)
            .output()
            .map_err(|e| Error::io("run go list std", e))?;
        if !out.status.success() {
            return Err(Error::Toolchain(format!("go list std failed: {}", String::from_utf8_lossy(&out.stderr))));
        }
        let importcfg = String::from_utf8_lossy(&out.stdout).into_owned();
        let tool_dir = goroot.join("pkg").join("tool").join("linux_amd64");
        let jail = Jail::new(&[goroot.clone(), gocache]);
        Ok(GoToolchain { goroot, tool_dir, std_cache, importcfg, jail, version })
    }

    pub fn std_cache(&self) -> &Path {
        &self.std_cache
    }

    pub(super) fn compile(
        &self,
        dir: &Path,
        sources: &Sources<'_>,
        limits: &JailLimits,
        cancel: Option<&Arc<AtomicBool>>,
    ) -> Result<Compiled> {
        write(dir, "importcfg", &self.importcfg)?;
        write(dir, "solution.go", sources.solution)?;
        write(dir, "zz_prep_judge.go", &judge_init())?;
        let mut files = vec!["solution.go", "zz_prep_judge.go"];
        if let Some(driver) = sources.driver {
            write(dir, "main.go", driver)?;
            files.insert(0, "main.go");
        }
        let dir_s = dir.to_string_lossy().into_owned();
        let goroot_s = self.goroot.to_string_lossy().into_owned();
        let env = [("GOOS", "wasip1"), ("GOARCH", "wasm"), ("GOROOT", goroot_s.as_str()), ("TMPDIR", dir_s.as_str())];
        let trim = format!("-trimpath={dir_s}");
        let lang = self.version.split('.').take(2).collect::<Vec<_>>().join(".");
        let lang_flag = format!("-lang={lang}");
        let mut args =
            vec!["-p", "main", "-complete", &lang_flag, &trim, "-importcfg", "importcfg", "-pack", "-o", "main.a"];
        args.extend(files.iter().copied());
        let scrub = [(dir, ""), (self.goroot.as_path(), "<go>/")];
        let out = self.jail.run(&self.tool_dir.join("compile"), &args, &env, dir, limits, cancel)?;
        if !out.success {
            return Ok(Compiled::Error(failure_message(&out, limits, &scrub)));
        }
        // Compile and link share one budget: the link gets what the compile left.
        let link_limits = JailLimits { wall: limits.wall.saturating_sub(out.elapsed), ..limits.clone() };
        let link_args = ["-importcfg", "importcfg", "-s", "-w", "-buildmode=exe", "-o", "main.wasm", "main.a"];
        let out = self.jail.run(&self.tool_dir.join("link"), &link_args, &env, dir, &link_limits, cancel)?;
        if !out.success {
            return Ok(Compiled::Error(failure_message(&out, limits, &scrub)));
        }
        let wasm = std::fs::read(dir.join("main.wasm")).map_err(|e| Error::io("read main.wasm", e))?;
        Ok(Compiled::Wasm(wasm))
    }
}
