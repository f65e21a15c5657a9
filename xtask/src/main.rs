//! `cargo xtask site`: builds what the browser loads into `target/site/pkg/`:
//! the hydration bundle (`prep.js` + `prep_bg.wasm`), the stylesheet (`prep.css`) and the
//! hand-written modules under `assets/` (the demo panels' `demo/*.js`) and the problem page's
//! code editor (`editor/`: CodeMirror 6 bundled by esbuild into `editor/*.js`).
//!
//! This does cargo-leptos's job for our layout with two steps — a cargo build for
//! wasm32-unknown-unknown and wasm-bindgen run as a library — so a new machine does not spend
//! twenty minutes installing cargo-leptos. `wasm-bindgen-cli-support` is pinned to the exact
//! `wasm-bindgen` version in Cargo.lock, as the two must match.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::{env, fs};

const WASM_TARGET: &str = "wasm32-unknown-unknown";
const WASM_PROFILE: &str = "wasm-release";
const OUTPUT_NAME: &str = "prep";

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("site") => build_site(),
        _ => Err("usage: cargo xtask site".to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    let Ok(entries) = fs::read_dir(from) else { return Ok(()) };
    fs::create_dir_all(to).map_err(|e| format!("creating {}: {e}", to.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("reading {}: {e}", from.display()))?;
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if src.is_dir() {
            copy_tree(&src, &dst)?;
        } else {
            fs::copy(&src, &dst).map_err(|e| format!("copying {}: {e}", src.display()))?;
        }
    }
    Ok(())
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn target_dir(root: &Path) -> PathBuf {
    env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("target"))
}

fn build_site() -> Result<(), String> {
    let root = workspace_root();
    let target = target_dir(&root);
    let pkg = target.join("site").join("pkg");
    fs::create_dir_all(&pkg).map_err(|e| format!("creating {}: {e}", pkg.display()))?;

    let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(&root)
        .args(["build", "--package", "app", "--lib", "--features", "hydrate"])
        .args(["--target", WASM_TARGET, "--profile", WASM_PROFILE])
        .status()
        .map_err(|e| format!("running cargo: {e}"))?;
    if !status.success() {
        return Err("the browser bundle did not compile".into());
    }

    let wasm = target.join(WASM_TARGET).join(WASM_PROFILE).join("app.wasm");
    // The `name` section (function names for stack traces) is most of an unstripped bundle;
    // wasm-bindgen drops it (and `producers`) itself. cargo's `strip` would also drop the
    // `target_features` section that wasm-bindgen needs, so it is not used.
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm)
        .web(true)
        .map_err(|e| format!("wasm-bindgen: {e}"))?
        .out_name(OUTPUT_NAME)
        .remove_name_section(true)
        .remove_producers_section(true)
        .generate(&pkg)
        .map_err(|e| format!("wasm-bindgen on {}: {e}", wasm.display()))?;

    // Hand-written browser modules (the demo panels' charts): copied as they are, no build step.
    copy_tree(&root.join("assets"), &pkg)?;

    build_editor(&root.join("editor"), &pkg.join("editor"))?;

    let css = bundle_css(&root.join("style"))?;
    fs::write(pkg.join(format!("{OUTPUT_NAME}.css")), css).map_err(|e| format!("writing css: {e}"))?;

    for name in [format!("{OUTPUT_NAME}_bg.wasm"), format!("{OUTPUT_NAME}.js"), format!("{OUTPUT_NAME}.css")] {
        let size = fs::metadata(pkg.join(&name)).map(|m| m.len()).unwrap_or(0);
        eprintln!("xtask: {name:>16} {:>8.1} KiB", size as f64 / 1024.0);
    }
    Ok(())
}

/// Installs the editor's npm packages when the lock file changed (`npm ci`, pinned by the
/// committed package-lock.json) and bundles it with esbuild into `out`.
fn build_editor(dir: &Path, out: &Path) -> Result<(), String> {
    let lock = dir.join("package-lock.json");
    let installed = dir.join("node_modules/.package-lock.json");
    let modified = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
    if modified(&installed).is_none() || modified(&installed) < modified(&lock) {
        run(
            Command::new("npm").current_dir(dir).args(["ci", "--no-audit", "--no-fund", "--loglevel=error"]),
            "npm ci (editor)",
        )?;
    }
    // Chunk names carry a content hash: clear old ones rather than let them pile up.
    if out.exists() {
        fs::remove_dir_all(out).map_err(|e| format!("clearing {}: {e}", out.display()))?;
    }
    let out = out.to_str().ok_or("the site's path is not UTF-8")?;
    run(Command::new("node").current_dir(dir).args(["build.mjs", out]), "the editor bundle (node build.mjs)")
}

fn run(cmd: &mut Command, what: &str) -> Result<(), String> {
    let status =
        cmd.status().map_err(|e| format!("{what}: {e} (is Node.js installed? scripts/setup.sh installs it)"))?;
    if status.success() { Ok(()) } else { Err(format!("{what} failed")) }
}

/// Concatenates `style/*.css` in file-name order, so styles can live in small files.
fn bundle_css(dir: &Path) -> Result<String, String> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("reading {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "css"))
        .collect();
    files.sort();
    let mut out = String::new();
    for f in files {
        let text = fs::read_to_string(&f).map_err(|e| format!("reading {}: {e}", f.display()))?;
        out.push_str(&format!("/* {} */\n", f.file_name().map(|n| n.to_string_lossy()).unwrap_or_default()));
        out.push_str(&text);
        out.push('\n');
    }
    Ok(out)
}
