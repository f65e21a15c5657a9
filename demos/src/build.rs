//! Builds each demo natively, once, with the project's Go toolchain: its `main.go` plus the
//! shared files of `content/demos/shared/` (one package `main`).
//!
//! The binary is cached under `<cache>/bin/<id>-<hash>/`, where the hash covers the program,
//! the shared files, its build flags and the Go version: editing `main.go` builds anew, a restart does not. The
//! build runs outside the jail (demos are trusted content) but niced, with an environment of
//! its own (no user's GOPATH, GOFLAGS or proxy settings leak in) and no network: a demo uses
//! the standard library only.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use catalog::demo::{DemoSpec, PROGRAM_FILE, SHARED_DIR};
use domain::Id;
use sha2::{Digest, Sha256};
use tokio::process::Command;
use tokio::sync::OnceCell;

use crate::error::BuildError;
use crate::limits::{BUILD_OUTPUT_BYTES, BUILD_WALL, NICENESS};

/// A built demo: the binary, and what `go build` said (the `-gcflags=-m` report, say).
#[derive(Debug)]
pub struct Built {
    pub binary: PathBuf,
    pub output: String,
}

/// Where the Go toolchain and the build cache live.
#[derive(Debug, Clone)]
pub struct Toolchain {
    pub go_root: PathBuf,
    pub cache_dir: PathBuf,
}

impl Toolchain {
    fn go(&self) -> PathBuf {
        self.go_root.join("bin").join("go")
    }

    /// Where every built demo binary lives (the jail lets demos execute only beneath it).
    pub fn bin_dir(&self) -> PathBuf {
        self.cache_dir.join("bin")
    }
}

/// One build per demo, shared by every request that needs it (the first waits; the rest reuse).
pub struct Builds {
    toolchain: Toolchain,
    cells: HashMap<Id, Source>,
}

/// A demo's folder and spec, and its build once there is one.
struct Source {
    dir: PathBuf,
    spec: Arc<DemoSpec>,
    built: OnceCell<Arc<Built>>,
}

impl Builds {
    /// `demos`: each demo's folder and spec.
    pub fn new(toolchain: Toolchain, demos: impl IntoIterator<Item = (PathBuf, Arc<DemoSpec>)>) -> Self {
        let cells = demos
            .into_iter()
            .map(|(dir, spec)| (spec.id.clone(), Source { dir, spec, built: OnceCell::new() }))
            .collect();
        Builds { toolchain, cells }
    }

    pub fn toolchain(&self) -> &Toolchain {
        &self.toolchain
    }

    /// The built binary of `id`, building it first if need be. A failed build is not cached,
    /// so fixing the cause (say, a full disk) needs no restart.
    pub async fn get(&self, id: &str) -> Result<Arc<Built>, BuildError> {
        let source = self.cells.get(id).ok_or_else(|| BuildError::Unknown(id.to_string()))?;
        let build = || async { build(&self.toolchain, &source.dir, &source.spec).await.map(Arc::new) };
        source.built.get_or_try_init(build).await.cloned()
    }

    /// Whether `id` has been built (so a run starts at once).
    pub fn is_built(&self, id: &str) -> bool {
        self.cells.get(id).is_some_and(|s| s.built.initialized())
    }

    /// Builds every demo, one after another (the judge's std build runs at the same time).
    pub async fn build_all(&self) {
        let mut ids: Vec<&Id> = self.cells.keys().collect();
        ids.sort();
        for id in ids {
            match self.get(id.as_str()).await {
                Ok(_) => tracing::debug!(demo = %id, "demo built"),
                Err(e) => tracing::error!(demo = %id, "demo build failed: {e}"),
            }
        }
    }
}

/// The Go files every demo is built with, beside its `main.go`: `content/demos/shared/*.go`
/// (the stdout protocol's helpers), as `(file name, contents)` in name order.
fn shared_sources(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, BuildError> {
    let Some(shared) = dir.parent().map(|demos| demos.join(SHARED_DIR)) else { return Ok(Vec::new()) };
    let Ok(entries) = std::fs::read_dir(&shared) else { return Ok(Vec::new()) };
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| BuildError::io("list shared demo code", e))?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.ends_with(".go") && !name.ends_with("_test.go") && name != PROGRAM_FILE {
            files.push((name, std::fs::read(&path).map_err(|e| BuildError::io("read shared demo code", e))?));
        }
    }
    files.sort();
    Ok(files)
}

async fn build(toolchain: &Toolchain, dir: &Path, spec: &DemoSpec) -> Result<Built, BuildError> {
    let source = std::fs::read(dir.join(PROGRAM_FILE)).map_err(|e| BuildError::io("read main.go", e))?;
    let shared = shared_sources(dir)?;
    let version = go_version(toolchain);
    let mut hash = Sha256::new();
    let flags = spec.build_flags.join("\u{0}");
    let parts = [source.as_slice(), flags.as_bytes(), version.as_bytes()].into_iter();
    for part in parts.chain(shared.iter().flat_map(|(name, text)| [name.as_bytes(), text.as_slice()])) {
        hash.update((part.len() as u64).to_le_bytes());
        hash.update(part);
    }
    let key = hex::encode(&hash.finalize()[..12]);
    let out_dir = toolchain.bin_dir().join(format!("{}-{key}", spec.id));
    let binary = out_dir.join("demo");
    let report = out_dir.join("build.txt");
    if binary.is_file() {
        let output = std::fs::read_to_string(&report).unwrap_or_default();
        return Ok(Built { binary, output });
    }

    // Build in a scratch copy so compiler messages name `./main.go`, not a server path.
    let scratch = tempfile::tempdir_in(&toolchain.cache_dir).map_err(|e| BuildError::io("create build dir", e))?;
    std::fs::write(scratch.path().join(PROGRAM_FILE), &source).map_err(|e| BuildError::io("copy main.go", e))?;
    for (name, text) in &shared {
        std::fs::write(scratch.path().join(name), text).map_err(|e| BuildError::io("copy shared demo code", e))?;
    }
    let mut cmd = Command::new(toolchain.go());
    cmd.current_dir(scratch.path())
        .env_clear()
        .env("GOROOT", &toolchain.go_root)
        .env("GOCACHE", toolchain.cache_dir.join("gocache"))
        .env("GOPATH", toolchain.cache_dir.join("gopath"))
        .env("GOTMPDIR", scratch.path())
        .env("HOME", scratch.path())
        .env("CGO_ENABLED", "0")
        .env("GOTOOLCHAIN", "local")
        .env("GOPROXY", "off")
        .arg("build")
        .arg("-trimpath")
        .args(&spec.build_flags)
        .arg("-o")
        .arg(scratch.path().join("demo"))
        .arg(PROGRAM_FILE)
        .args(shared.iter().map(|(name, _)| name))
        .kill_on_drop(true);
    // SAFETY: setpriority(2) is async-signal-safe; nothing else runs between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            libc::setpriority(libc::PRIO_PROCESS, 0, NICENESS);
            Ok(())
        });
    }
    let started = std::time::Instant::now();
    let output = tokio::time::timeout(BUILD_WALL, cmd.output())
        .await
        .map_err(|_| BuildError::Failed {
            id: spec.id.to_string(),
            output: format!("go build took over {BUILD_WALL:?}"),
        })?
        .map_err(|e| BuildError::io("run go build", e))?;
    let mut text = String::from_utf8_lossy(&output.stderr).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stdout));
    if text.len() > BUILD_OUTPUT_BYTES {
        let mut cut = BUILD_OUTPUT_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
        text.push_str("\n… (cut)");
    }
    if !output.status.success() {
        return Err(BuildError::Failed { id: spec.id.to_string(), output: text });
    }
    tracing::info!(demo = %spec.id, elapsed_ms = started.elapsed().as_millis() as u64, "built demo");
    std::fs::create_dir_all(&out_dir).map_err(|e| BuildError::io("create demo bin dir", e))?;
    std::fs::write(&report, &text).map_err(|e| BuildError::io("write build report", e))?;
    // Renamed into place last: a binary that exists is a finished build.
    std::fs::rename(scratch.path().join("demo"), &binary).map_err(|e| BuildError::io("move demo binary", e))?;
    Ok(Built { binary, output: text })
}

/// The toolchain's version (its VERSION file), so a Go upgrade rebuilds every demo.
fn go_version(toolchain: &Toolchain) -> String {
    std::fs::read_to_string(toolchain.go_root.join("VERSION")).unwrap_or_default()
}
