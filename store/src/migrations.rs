//! The schema, embedded in the binary: one list per engine. SQLite's list keeps the files (and
//! so the checksums) of databases created before Postgres was supported.

use std::borrow::Cow;

use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::{AnyPool, Executor};

use crate::connect::Backend;

const SQLITE: &[(i64, &str, &str)] = &[
    (1, "accounts and progress", include_str!("../migrations/sqlite/0001_accounts_and_progress.sql")),
    (2, "submissions", include_str!("../migrations/sqlite/0002_submissions.sql")),
    (3, "leases and fair queue", include_str!("../migrations/sqlite/0003_leases_and_fair_queue.sql")),
    (4, "demo predictions", include_str!("../migrations/sqlite/0004_demo_predictions.sql")),
    (5, "drafts", include_str!("../migrations/sqlite/0005_drafts.sql")),
    (6, "cancel and custom input", include_str!("../migrations/sqlite/0006_cancel_and_custom_input.sql")),
    (7, "editor keymap", include_str!("../migrations/sqlite/0007_editor_keymap.sql")),
    (8, "review", include_str!("../migrations/sqlite/0008_review.sql")),
    (9, "notes and bookmarks", include_str!("../migrations/sqlite/0009_notes_and_bookmarks.sql")),
    (10, "review settings", include_str!("../migrations/sqlite/0010_review_settings.sql")),
    (11, "pending merges", include_str!("../migrations/sqlite/0011_pending_merges.sql")),
    (12, "login failures", include_str!("../migrations/sqlite/0012_login_failures.sql")),
];

const POSTGRES: &[(i64, &str, &str)] = &[
    (1, "schema", include_str!("../migrations/postgres/0001_schema.sql")),
    (2, "demo predictions", include_str!("../migrations/postgres/0002_demo_predictions.sql")),
    (3, "drafts", include_str!("../migrations/postgres/0003_drafts.sql")),
    (4, "cancel and custom input", include_str!("../migrations/postgres/0004_cancel_and_custom_input.sql")),
    (5, "editor keymap", include_str!("../migrations/postgres/0005_editor_keymap.sql")),
    (6, "review", include_str!("../migrations/postgres/0006_review.sql")),
    (7, "notes and bookmarks", include_str!("../migrations/postgres/0007_notes_and_bookmarks.sql")),
    (8, "review settings", include_str!("../migrations/postgres/0008_review_settings.sql")),
    (9, "pending merges", include_str!("../migrations/postgres/0009_pending_merges.sql")),
    (10, "login failures", include_str!("../migrations/postgres/0010_login_failures.sql")),
];

pub(crate) async fn run(pool: &AnyPool, backend: Backend) -> Result<(), sqlx::migrate::MigrateError> {
    let list = match backend {
        Backend::Sqlite => SQLITE,
        Backend::Postgres => POSTGRES,
    };
    let migrations = list
        .iter()
        .map(|&(version, description, sql)| {
            Migration::new(version, Cow::Borrowed(description), MigrationType::Simple, Cow::Borrowed(sql), false)
        })
        .collect::<Vec<_>>();
    let migrator = Migrator { migrations: Cow::Owned(migrations), ..Migrator::DEFAULT };
    // Waiting (on Postgres, for the migration lock) while another process migrates is what
    // start-up should do, however long it takes: one connection without the pool's lock
    // timeout, closed afterwards rather than handed back with that setting.
    let mut conn = pool.acquire().await?.detach();
    if backend == Backend::Postgres {
        conn.execute("SET lock_timeout = 0").await?;
    }
    migrator.run_direct(&mut conn).await
}
