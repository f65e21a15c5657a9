//! Merging a document into an account, in one transaction. Each table has one rule (see
//! `docs/export.md`), chosen so that applying the same document again finds nothing to do:
//!
//! - rows keyed by content (lesson progress, answers, notes, drafts, review cards): the file's
//!   row replaces the account's only when it is further on or newer; equal or older is left;
//! - bookmarks: the union;
//! - append-only logs (ratings, the review log, submissions, demo predictions): a row is added
//!   unless the account already has it; a row the file holds n times is there n times after;
//! - settings: taken from the file only where the account still has the default.

use std::collections::HashMap;
use std::hash::Hash;

use domain::Keymap;
use portable::{Document, Settings};
use sqlx::AnyConnection;

use crate::users::UserId;
use crate::{Result, Store, StoreError};

/// What an import did with one kind of record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub added: u64,
    /// Replaced the account's own (the file's was newer or further on).
    pub updated: u64,
    /// The account had it already (or something newer).
    pub unchanged: u64,
}

/// Per kind of record, what an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub settings: Tally,
    pub lessons: Tally,
    pub answers: Tally,
    pub ratings: Tally,
    pub review_cards: Tally,
    pub review_log: Tally,
    pub notes: Tally,
    pub bookmarks: Tally,
    pub submissions: Tally,
    pub drafts: Tally,
    pub demo_predictions: Tally,
}

impl ImportReport {
    /// Each kind with its name in the document.
    pub fn kinds(&self) -> [(&'static str, Tally); 11] {
        [
            ("settings", self.settings),
            ("lessons", self.lessons),
            ("answers", self.answers),
            ("ratings", self.ratings),
            ("review_cards", self.review_cards),
            ("review_log", self.review_log),
            ("notes", self.notes),
            ("bookmarks", self.bookmarks),
            ("submissions", self.submissions),
            ("drafts", self.drafts),
            ("demo_predictions", self.demo_predictions),
        ]
    }

    /// Rows added or updated, over all kinds.
    pub fn changed(&self) -> u64 {
        self.kinds().iter().map(|(_, t)| t.added + t.updated).sum()
    }
}

impl Store {
    /// Merges `doc` into `user`'s data. All or nothing: on any error nothing is kept.
    pub async fn import_learner(&self, user: UserId, doc: &Document) -> Result<ImportReport> {
        let _turn = self.write_turn().await?;
        let mut tx = self.pool.begin().await?;
        let report = apply(&mut tx, user, doc).await?;
        tx.commit().await?;
        Ok(report)
    }
}

/// Which of `rows` the account lacks, counting duplicates: with a key held k times by the
/// account and n times by the file, the last n − k of the file's are missing.
fn missing<K: Eq + Hash, R>(existing: Vec<K>, rows: &[R], key: impl Fn(&R) -> K) -> (Vec<&R>, Tally) {
    let mut have: HashMap<K, usize> = HashMap::new();
    for k in existing {
        *have.entry(k).or_default() += 1;
    }
    let mut tally = Tally::default();
    let mut add = Vec::new();
    for row in rows {
        match have.get_mut(&key(row)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                tally.unchanged += 1;
            }
            _ => {
                add.push(row);
                tally.added += 1;
            }
        }
    }
    (add, tally)
}

pub(super) async fn apply(conn: &mut AnyConnection, user: UserId, doc: &Document) -> Result<ImportReport> {
    let id = user.get();
    let mut report = ImportReport::default();

    // Lessons: the further state wins (done over started); the earliest start is kept.
    let have: HashMap<String, (i64, Option<i64>)> = sqlx::query_as::<_, (String, i64, Option<i64>)>(
        "SELECT lesson_id, started_at, done_at FROM lesson_progress WHERE user_id = $1",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|(l, s, d)| (l, (s, d)))
    .collect();
    for l in &doc.lessons {
        match have.get(&l.lesson_id) {
            None => {
                sqlx::query(
                    "INSERT INTO lesson_progress (user_id, lesson_id, started_at, done_at) VALUES ($1, $2, $3, $4)",
                )
                .bind(id)
                .bind(&l.lesson_id)
                .bind(l.started_at)
                .bind(l.done_at)
                .execute(&mut *conn)
                .await?;
                report.lessons.added += 1;
            }
            Some(&(started, done)) => {
                let merged = (started.min(l.started_at), done.or(l.done_at));
                if merged == (started, done) {
                    report.lessons.unchanged += 1;
                    continue;
                }
                sqlx::query(
                    "UPDATE lesson_progress SET started_at = $1, done_at = $2 WHERE user_id = $3 AND lesson_id = $4",
                )
                .bind(merged.0)
                .bind(merged.1)
                .bind(id)
                .bind(&l.lesson_id)
                .execute(&mut *conn)
                .await?;
                report.lessons.updated += 1;
            }
        }
    }

    // Answers: the newer text wins.
    let have: HashMap<String, i64> =
        sqlx::query_as::<_, (String, i64)>("SELECT question_id, updated_at FROM answers WHERE user_id = $1")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .collect();
    for a in &doc.answers {
        let tally = &mut report.answers;
        match have.get(&a.question_id) {
            Some(&at) if at >= a.updated_at => tally.unchanged += 1,
            found => {
                sqlx::query(
                    "INSERT INTO answers (user_id, question_id, answer, updated_at) VALUES ($1, $2, $3, $4)
                     ON CONFLICT (user_id, question_id) DO UPDATE SET answer = excluded.answer, updated_at = excluded.updated_at",
                )
                .bind(id)
                .bind(&a.question_id)
                .bind(&a.answer)
                .bind(a.updated_at)
                .execute(&mut *conn)
                .await?;
                if found.is_some() { tally.updated += 1 } else { tally.added += 1 }
            }
        }
    }

    // Ratings: append-only, de-duplicated on (question, rating, time).
    let have: Vec<(String, String, i64)> =
        sqlx::query_as("SELECT question_id, rating, rated_at FROM ratings WHERE user_id = $1")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    let (add, tally) =
        missing(have, &doc.ratings, |r| (r.question_id.clone(), r.rating.as_str().to_string(), r.rated_at));
    report.ratings = tally;
    for r in add {
        sqlx::query("INSERT INTO ratings (user_id, question_id, rating, rated_at) VALUES ($1, $2, $3, $4)")
            .bind(id)
            .bind(&r.question_id)
            .bind(r.rating.as_str())
            .bind(r.rated_at)
            .execute(&mut *conn)
            .await?;
    }

    // Review cards: the state after the later review wins (its log entries come along below).
    let have: HashMap<(String, String), Option<i64>> = sqlx::query_as::<_, (String, String, Option<i64>)>(
        "SELECT kind, card_id, last_review FROM review_cards WHERE user_id = $1",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|(k, c, l)| ((k, c), l))
    .collect();
    for c in &doc.review_cards {
        let tally = &mut report.review_cards;
        let found = have.get(&(c.kind.as_str().to_string(), c.card_id.clone()));
        if let Some(&last) = found
            && last >= c.last_review
        {
            tally.unchanged += 1;
            continue;
        }
        sqlx::query(
            "INSERT INTO review_cards (user_id, kind, card_id, stability, difficulty, due, last_review, reps, lapses)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
             ON CONFLICT (user_id, kind, card_id) DO UPDATE SET stability = excluded.stability,
                 difficulty = excluded.difficulty, due = excluded.due, last_review = excluded.last_review,
                 reps = excluded.reps, lapses = excluded.lapses",
        )
        .bind(id)
        .bind(c.kind.as_str())
        .bind(&c.card_id)
        .bind(c.stability)
        .bind(c.difficulty)
        .bind(c.due)
        .bind(c.last_review)
        .bind(c.reps)
        .bind(c.lapses)
        .execute(&mut *conn)
        .await?;
        if found.is_some() { tally.updated += 1 } else { tally.added += 1 }
    }

    // The review log: append-only, de-duplicated on (kind, card, rating, time).
    let have: Vec<(String, String, String, i64)> =
        sqlx::query_as("SELECT kind, card_id, rating, reviewed_at FROM review_log WHERE user_id = $1")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    let (add, tally) = missing(have, &doc.review_log, |r| {
        (r.kind.as_str().to_string(), r.card_id.clone(), r.rating.as_str().to_string(), r.reviewed_at)
    });
    report.review_log = tally;
    for r in add {
        sqlx::query(
            "INSERT INTO review_log (user_id, kind, card_id, rating, reviewed_at, interval_days, stability, difficulty)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(id)
        .bind(r.kind.as_str())
        .bind(&r.card_id)
        .bind(r.rating.as_str())
        .bind(r.reviewed_at)
        .bind(r.interval_days)
        .bind(r.stability)
        .bind(r.difficulty)
        .execute(&mut *conn)
        .await?;
    }

    // Notes: the newer body wins.
    let have: HashMap<(String, String), i64> =
        sqlx::query_as::<_, (String, String, i64)>("SELECT kind, target_id, updated_at FROM notes WHERE user_id = $1")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .map(|(k, t, at)| ((k, t), at))
            .collect();
    for n in &doc.notes {
        let tally = &mut report.notes;
        match have.get(&(n.kind.as_str().to_string(), n.target_id.clone())) {
            Some(&at) if at >= n.updated_at => tally.unchanged += 1,
            found => {
                sqlx::query(
                    "INSERT INTO notes (user_id, kind, target_id, body, updated_at) VALUES ($1, $2, $3, $4, $5)
                     ON CONFLICT (user_id, kind, target_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
                )
                .bind(id)
                .bind(n.kind.as_str())
                .bind(&n.target_id)
                .bind(&n.body)
                .bind(n.updated_at)
                .execute(&mut *conn)
                .await?;
                if found.is_some() { tally.updated += 1 } else { tally.added += 1 }
            }
        }
    }

    // Bookmarks: the union (an account's own bookmark keeps its date).
    for b in &doc.bookmarks {
        let r = sqlx::query(
            "INSERT INTO bookmarks (user_id, kind, target_id, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        )
        .bind(id)
        .bind(b.kind.as_str())
        .bind(&b.target_id)
        .bind(b.created_at)
        .execute(&mut *conn)
        .await?;
        if r.rows_affected() == 1 { report.bookmarks.added += 1 } else { report.bookmarks.unchanged += 1 }
    }

    // Submissions: append-only, de-duplicated on (problem, language, kind, time, code). They
    // arrive judged (`done`), so no worker ever claims them.
    let have: Vec<(String, String, i64, i64, String)> = sqlx::query_as(
        "SELECT problem_id, language, samples_only, created_at, source FROM submissions WHERE user_id = $1",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let (add, tally) = missing(have, &doc.submissions, |s| {
        (
            s.problem_id.clone(),
            s.language.as_str().to_string(),
            i64::from(s.samples_only),
            s.created_at,
            s.source.clone(),
        )
    });
    report.submissions = tally;
    for s in add {
        let result = s.result.as_ref().map(serde_json::to_string).transpose().map_err(StoreError::corrupt)?;
        sqlx::query(
            "INSERT INTO submissions (user_id, problem_id, language, source, samples_only, status, verdict, result,
                                      created_at, finished_at, fair_key, custom_input)
             VALUES ($1, $2, $3, $4, $5, 'done', $6, $7, $8, $9, $10, $11)",
        )
        .bind(id)
        .bind(&s.problem_id)
        .bind(s.language.as_str())
        .bind(&s.source)
        .bind(i64::from(s.samples_only))
        .bind(s.verdict.as_str())
        .bind(result)
        .bind(s.created_at)
        .bind(s.finished_at)
        .bind(format!("user:{id}"))
        .bind(s.custom_input.as_deref())
        .execute(&mut *conn)
        .await?;
    }

    // Drafts: the newer text wins.
    let have: HashMap<(String, String), i64> = sqlx::query_as::<_, (String, String, i64)>(
        "SELECT problem_id, language, updated_at FROM drafts WHERE user_id = $1",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|(p, l, at)| ((p, l), at))
    .collect();
    for d in &doc.drafts {
        let tally = &mut report.drafts;
        match have.get(&(d.problem_id.clone(), d.language.as_str().to_string())) {
            Some(&at) if at >= d.updated_at => tally.unchanged += 1,
            found => {
                sqlx::query(
                    "INSERT INTO drafts (user_id, problem_id, language, source, updated_at) VALUES ($1, $2, $3, $4, $5)
                     ON CONFLICT (user_id, problem_id, language) DO UPDATE SET source = excluded.source, updated_at = excluded.updated_at",
                )
                .bind(id)
                .bind(&d.problem_id)
                .bind(d.language.as_str())
                .bind(&d.source)
                .bind(d.updated_at)
                .execute(&mut *conn)
                .await?;
                if found.is_some() { tally.updated += 1 } else { tally.added += 1 }
            }
        }
    }

    // Demo predictions: append-only, de-duplicated on (demo, parameters, prediction, time).
    let have: Vec<(String, String, String, i64)> =
        sqlx::query_as("SELECT demo_id, params, prediction, created_at FROM demo_predictions WHERE user_id = $1")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    let (add, tally) = missing(have, &doc.demo_predictions, |p| {
        (p.demo_id.clone(), p.params.clone(), p.prediction.clone(), p.created_at)
    });
    report.demo_predictions = tally;
    for p in add {
        sqlx::query(
            "INSERT INTO demo_predictions (user_id, demo_id, params, prediction, outcome, correct, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(id)
        .bind(&p.demo_id)
        .bind(&p.params)
        .bind(&p.prediction)
        .bind(&p.outcome)
        .bind(i32::from(p.correct))
        .bind(p.created_at)
        .execute(&mut *conn)
        .await?;
    }

    // Settings last: the account's own choice stands; a default is replaced by the file's.
    report.settings = settings(conn, user, doc).await?;
    Ok(report)
}

async fn settings(conn: &mut AnyConnection, user: UserId, doc: &Document) -> Result<Tally> {
    let (keymap, retention, last_at): (String, f64, Option<i64>) =
        sqlx::query_as("SELECT editor_keymap, desired_retention, last_lesson_at FROM users WHERE id = $1")
            .bind(user.get())
            .fetch_optional(&mut *conn)
            .await?
            .ok_or_else(|| StoreError::corrupt(format!("no account {user} to import into")))?;
    let mut tally = Tally::default();
    let keymap: Keymap = keymap.parse().map_err(StoreError::corrupt)?;
    let file = doc.settings;
    if keymap == Settings::DEFAULT.editor_keymap && file.editor_keymap != keymap {
        sqlx::query("UPDATE users SET editor_keymap = $1 WHERE id = $2")
            .bind(file.editor_keymap.as_str())
            .bind(user.get())
            .execute(&mut *conn)
            .await?;
        tally.updated += 1;
    } else {
        tally.unchanged += 1;
    }
    if retention == Settings::DEFAULT.desired_retention && file.desired_retention != retention {
        sqlx::query("UPDATE users SET desired_retention = $1 WHERE id = $2")
            .bind(file.desired_retention)
            .bind(user.get())
            .execute(&mut *conn)
            .await?;
        tally.updated += 1;
    } else {
        tally.unchanged += 1;
    }
    // "Continue" follows the later visit.
    if let Some(last) = &doc.last_lesson {
        if last_at.is_none_or(|at| at < last.at) {
            sqlx::query("UPDATE users SET last_lesson_id = $1, last_lesson_at = $2 WHERE id = $3")
                .bind(&last.lesson_id)
                .bind(last.at)
                .bind(user.get())
                .execute(&mut *conn)
                .await?;
            tally.updated += 1;
        } else {
            tally.unchanged += 1;
        }
    }
    Ok(tally)
}
