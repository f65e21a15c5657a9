//! Notes and bookmarks, on SQLite and (when the test cluster is up) Postgres.

use domain::{BookmarkKind, NoteTarget};
mod common;

use common::each_backend;

#[tokio::test]
async fn a_note_is_saved_replaced_listed_and_cleared() {
    each_backend(|s| async move {
        let ada = s.create_guest().await.unwrap();
        let bob = s.create_guest().await.unwrap();
        assert_eq!(s.note(ada, NoteTarget::Lesson, "go-work-stealing").await.unwrap(), None);

        s.save_note(ada, NoteTarget::Lesson, "go-work-stealing", "first *draft*").await.unwrap();
        s.save_note(ada, NoteTarget::Lesson, "go-work-stealing", "second **take**").await.unwrap();
        let note = s.note(ada, NoteTarget::Lesson, "go-work-stealing").await.unwrap().expect("saved");
        assert_eq!(note.body, "second **take**", "the latest write wins, one row per target");
        assert!(note.updated_at > 0);
        assert_eq!(
            s.note(ada, NoteTarget::Problem, "go-work-stealing").await.unwrap(),
            None,
            "a lesson's note is not a problem's note with the same id"
        );
        assert_eq!(s.note(bob, NoteTarget::Lesson, "go-work-stealing").await.unwrap(), None, "notes are per learner");

        // Times are whole seconds: wait for the next one, so the order is the edit order.
        tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
        s.save_note(ada, NoteTarget::Problem, "lcs", "dp table").await.unwrap();
        let all = s.notes(ada).await.unwrap();
        let targets: Vec<_> = all.iter().map(|n| (n.kind, n.target_id.as_str())).collect();
        assert_eq!(targets, [(NoteTarget::Problem, "lcs"), (NoteTarget::Lesson, "go-work-stealing")], "newest first");
        assert!(s.notes(bob).await.unwrap().is_empty());

        // Clearing the box removes the note, whitespace counts as empty.
        s.save_note(ada, NoteTarget::Lesson, "go-work-stealing", "  \n\t ").await.unwrap();
        assert_eq!(s.note(ada, NoteTarget::Lesson, "go-work-stealing").await.unwrap(), None);
        assert_eq!(s.notes(ada).await.unwrap().len(), 1);
        // Clearing a note that does not exist is not an error either.
        s.save_note(bob, NoteTarget::Problem, "lcs", "").await.unwrap();
    })
    .await;
}

#[tokio::test]
async fn bookmarks_toggle_idempotently_and_are_listed() {
    each_backend(|s| async move {
        let ada = s.create_guest().await.unwrap();
        let bob = s.create_guest().await.unwrap();
        s.set_bookmark(ada, BookmarkKind::Question, "ws-starvation", true).await.unwrap();
        let first = s.bookmarks(ada).await.unwrap();
        s.set_bookmark(ada, BookmarkKind::Question, "ws-starvation", true).await.unwrap();
        assert_eq!(s.bookmarks(ada).await.unwrap(), first, "bookmarking twice keeps one row and its time");
        s.set_bookmark(ada, BookmarkKind::Problem, "lcs", true).await.unwrap();
        s.set_bookmark(ada, BookmarkKind::Lesson, "go-work-stealing", true).await.unwrap();

        let marked = s.bookmarked(ada, BookmarkKind::Question, &["ws-starvation", "ws-other", "lcs"]).await.unwrap();
        assert_eq!(marked.into_iter().collect::<Vec<_>>(), ["ws-starvation"], "only questions of this learner");
        assert!(s.bookmarked(bob, BookmarkKind::Question, &["ws-starvation"]).await.unwrap().is_empty());
        assert!(s.bookmarked(ada, BookmarkKind::Lesson, &[]).await.unwrap().is_empty());

        let all = s.bookmarks(ada).await.unwrap();
        assert_eq!(all.len(), 3);
        assert!(all.windows(2).all(|w| w[0].created_at >= w[1].created_at), "newest first");
        let mut kinds: Vec<_> = all.iter().map(|b| (b.kind.as_str(), b.target_id.as_str())).collect();
        kinds.sort();
        assert_eq!(kinds, [("lesson", "go-work-stealing"), ("problem", "lcs"), ("question", "ws-starvation")]);

        s.set_bookmark(ada, BookmarkKind::Question, "ws-starvation", false).await.unwrap();
        s.set_bookmark(ada, BookmarkKind::Question, "ws-starvation", false).await.unwrap();
        assert!(s.bookmarked(ada, BookmarkKind::Question, &["ws-starvation"]).await.unwrap().is_empty());
        let left: Vec<_> = s.bookmarks(ada).await.unwrap().into_iter().map(|b| b.kind).collect();
        assert_eq!(left.len(), 2);
        assert!(!left.contains(&BookmarkKind::Question));
    })
    .await;
}
