//! Start-up refuses bad content and unusable databases with a clear message.

use std::fs;

use prep_server::{Application, ServeConfig as Config};

fn lesson(id: &str) -> String {
    format!("+++\nid = \"{id}\"\ntitle = \"T\"\nsummary = \"S\"\nminutes = 3\n+++\nbody\n")
}

#[tokio::test]
async fn broken_content_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    fs::create_dir_all(content.join("lessons/01-a")).unwrap();
    fs::write(content.join("lessons/01-a/_section.toml"), "id = \"a\"\ntitle = \"A\"\nsummary = \"s\"\n").unwrap();
    fs::write(content.join("lessons/01-a/01-x.md"), lesson("x")).unwrap();
    fs::write(content.join("lessons/01-a/02-y.md"), lesson("x")).unwrap();
    let mut config = Config::for_tests(dir.path().join("db.sqlite"));
    config.content = content;
    let err = Application::build(config).await.err().expect("duplicate ids must stop start-up");
    let text = err.to_string();
    assert!(text.contains("02-y.md: duplicate lesson id `x`"), "{text}");
}

#[tokio::test]
async fn a_database_path_that_cannot_be_created_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-dir");
    fs::write(&blocker, "").unwrap();
    let err = Application::build(Config::for_tests(blocker.join("prep.db"))).await.err().expect("must fail");
    let text = err.to_string();
    assert!(text.contains("prep.db") && text.contains("cannot create its folder"), "{text}");
}

#[tokio::test]
async fn a_locked_database_is_explained_not_hung_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("prep.db");
    // Another process holding the write lock: here, another connection in an exclusive transaction.
    let opts = sqlx::sqlite::SqliteConnectOptions::new().filename(&path).create_if_missing(true);
    let mut holder = sqlx::ConnectOptions::connect(&opts).await.unwrap();
    sqlx::query("PRAGMA journal_mode=DELETE").execute(&mut holder).await.unwrap();
    sqlx::query("CREATE TABLE t(x)").execute(&mut holder).await.unwrap();
    sqlx::query("BEGIN EXCLUSIVE").execute(&mut holder).await.unwrap();
    sqlx::query("INSERT INTO t VALUES (1)").execute(&mut holder).await.unwrap();
    let err = Application::build(Config::for_tests(path)).await.err().expect("must fail while locked");
    let text = err.to_string();
    assert!(text.contains("locked"), "{text}");
}

/// Root ignores file permissions, so the read-only case runs the real binary in a bubblewrap
/// sandbox where the database's folder is mounted read-only.
#[test]
fn a_read_only_database_is_explained() {
    use std::process::Command;
    if Command::new("bwrap").arg("--version").output().is_err() {
        panic!("bubblewrap (bwrap) is missing: run scripts/setup.sh --test");
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    fs::create_dir_all(&data).unwrap();
    let db = data.join("prep.db");
    // A valid, migrated database first.
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let app = Application::build(Config::for_tests(db.clone())).await.unwrap();
        app.run_until(async {}).await.unwrap();
    });
    let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    let out = Command::new("bwrap")
        .args(["--bind", "/", "/", "--ro-bind"])
        .arg(&data)
        .arg(&data)
        .args(["--dev", "/dev", "--proc", "/proc", "--"])
        .arg(env!("CARGO_BIN_EXE_prep"))
        .arg("--addr=127.0.0.1:0")
        .arg(format!("--database={}", db.display()))
        .arg(format!("--content={}", content.display()))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    assert!(stderr.contains("prep: cannot start: database"), "{stderr}");
    assert!(stderr.contains("writing") || stderr.contains("readonly") || stderr.contains("read-only"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
