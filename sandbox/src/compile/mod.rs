//! Source → wasm32-wasip1, one child process per compile, in a jail (see `jail.rs`).

mod go;
mod rust;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

pub use go::GoToolchain;
pub use rust::RustToolchain;

use crate::error::{Error, Result};
use crate::jail::JailOutcome;
use crate::limits::{COMPILER_MESSAGE_CAP, JailLimits};
use domain::Language;

/// What the learner submitted plus what the problem adds.
pub struct Sources<'a> {
    /// The learner's file.
    pub solution: &'a str,
    /// The problem's driver (function problems) or `None` (whole programs).
    pub driver: Option<&'a str>,
}

/// The result of a compile: a module, or a compile error for the learner.
pub enum Compiled {
    Wasm(Vec<u8>),
    Error(String),
}

/// The installed compilers.
pub struct Toolchains {
    pub rust: Option<RustToolchain>,
    pub go: Option<GoToolchain>,
    /// Where per-compile temp dirs are created.
    pub scratch: PathBuf,
    pub limits: JailLimits,
}

impl Toolchains {
    pub fn compile(&self, lang: Language, sources: &Sources<'_>, cancel: Option<&Arc<AtomicBool>>) -> Result<Compiled> {
        let dir = tempfile::Builder::new()
            .prefix("prep-judge-")
            .tempdir_in(&self.scratch)
            .map_err(|e| Error::io("create compile dir", e))?;
        match lang {
            Language::Rust => {
                let tc = self
                    .rust
                    .as_ref()
                    .ok_or_else(|| Error::Toolchain("Rust (wasm32-wasip1) is not available".into()))?;
                tc.compile(dir.path(), sources, &self.limits, cancel)
            }
            Language::Go => {
                let tc = self.go.as_ref().ok_or_else(|| Error::Toolchain("Go (wasip1) is not available".into()))?;
                tc.compile(dir.path(), sources, &self.limits, cancel)
            }
        }
    }
}

/// Turns a failed compiler run into the message the learner sees: capped, with our paths removed.
pub(crate) fn failure_message(out: &JailOutcome, limits: &JailLimits, scrub: &[(&Path, &str)]) -> String {
    let mut msg = out.output.clone();
    for (path, replacement) in scrub {
        let p = path.to_string_lossy();
        if !p.is_empty() {
            msg = msg.replace(&format!("{p}/"), replacement);
            msg = msg.replace(p.as_ref(), replacement.trim_end_matches('/'));
        }
    }
    if msg.len() > COMPILER_MESSAGE_CAP {
        let mut cut = COMPILER_MESSAGE_CAP;
        while !msg.is_char_boundary(cut) {
            cut -= 1;
        }
        msg.truncate(cut);
        msg.push_str("\n… (output truncated)");
    }
    if out.timed_out {
        msg.push_str(&format!("\ncompilation took longer than {} s and was stopped", limits.wall.as_secs()));
    } else if let Some(sig) = out.signal {
        let why = match sig {
            libc::SIGXCPU => "used too much CPU time".to_string(),
            libc::SIGXFSZ => "wrote too much output".to_string(),
            libc::SIGKILL | libc::SIGSEGV | libc::SIGABRT => {
                "was killed (most likely it ran out of memory)".to_string()
            }
            other => format!("was killed by signal {other}"),
        };
        msg.push_str(&format!("\nthe compiler {why}"));
    }
    if msg.trim().is_empty() {
        msg = "compilation failed".into();
    }
    msg
}

/// Writes a file into the compile dir.
pub(crate) fn write(dir: &Path, name: &str, text: &str) -> Result<()> {
    std::fs::write(dir.join(name), text).map_err(|e| Error::io(format!("write {name}"), e))
}
