//! Start-up refuses bad content and unusable databases with a clear message.

use std::fs;

use prep_server::{Application, Config};

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
