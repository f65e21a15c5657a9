//! rustc → wasm32-wasip1.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use super::{Compiled, Sources, failure_message, write};
use crate::error::{Error, Result};
use crate::jail::{Jail, JailLimits};
use crate::limits::RUST_SHADOW_STACK_BYTES;

/// One fixed optimisation level: fuel counts depend on it, so it never changes per submission.
pub const OPT_LEVEL: &str = "2";

pub struct RustToolchain {
    /// The real rustc binary (not the rustup proxy, which needs ~/.rustup and the env).
    rustc: PathBuf,
    sysroot: PathBuf,
    jail: Jail,
    pub version: String,
}

impl RustToolchain {
    /// Finds the toolchain via `rustc --print sysroot` and checks the wasm32-wasip1 target is there.
    pub fn detect() -> Result<RustToolchain> {
        let out = Command::new("rustc")
            .args(["--print", "sysroot"])
            .output()
            .map_err(|e| Error::io("run rustc --print sysroot", e))?;
        if !out.status.success() {
            return Err(Error::Toolchain("rustc --print sysroot failed".into()));
        }
        let sysroot = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        let rustc = sysroot.join("bin").join("rustc");
        if !sysroot.join("lib/rustlib/wasm32-wasip1").is_dir() {
            return Err(Error::Toolchain(
                "the wasm32-wasip1 target is missing: rustup target add wasm32-wasip1".into(),
            ));
        }
        let version = Command::new(&rustc)
            .arg("--version")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
            .map_err(|e| Error::io("run rustc --version", e))?;
        let jail = Jail::new(std::slice::from_ref(&sysroot));
        Ok(RustToolchain { rustc, sysroot, jail, version })
    }

    pub(super) fn compile(
        &self,
        dir: &Path,
        sources: &Sources<'_>,
        limits: &JailLimits,
        cancel: Option<&Arc<AtomicBool>>,
    ) -> Result<Compiled> {
        // The learner's code is always solution.rs, so messages name the learner's own lines;
        // a function problem's driver is main.rs and pulls it in with include!("solution.rs").
        write(dir, "solution.rs", sources.solution)?;
        let root = match sources.driver {
            Some(driver) => {
                write(dir, "main.rs", driver)?;
                "main.rs"
            }
            None => "solution.rs",
        };
        let stack = format!("link-arg=-zstack-size={RUST_SHADOW_STACK_BYTES}");
        let opt = format!("opt-level={OPT_LEVEL}");
        let args = [
            "--edition=2024",
            "--target=wasm32-wasip1",
            "--crate-type=bin",
            "--crate-name=solution",
            "--color=never",
            "-C",
            &opt,
            "-C",
            "debuginfo=0",
            "-C",
            "strip=debuginfo",
            "-C",
            &stack,
            "-o",
            "main.wasm",
            root,
        ];
        let dir_s = dir.to_string_lossy();
        // rustc and rust-lld write temp files to TMPDIR, which must be inside the jail.
        let env = [("TMPDIR", dir_s.as_ref())];
        let out = self.jail.run(&self.rustc, &args, &env, dir, limits, cancel)?;
        if !out.success {
            let scrub = [(dir, ""), (self.sysroot.as_path(), "<rust>/")];
            return Ok(Compiled::Error(failure_message(&out, limits, &scrub)));
        }
        let wasm = std::fs::read(dir.join("main.wasm")).map_err(|e| Error::io("read main.wasm", e))?;
        Ok(Compiled::Wasm(wasm))
    }
}
