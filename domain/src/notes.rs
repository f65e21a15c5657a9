use crate::parse::string_enum;

/// What a learner's note is attached to: a lesson or a problem (one note each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoteTarget {
    Lesson,
    Problem,
}

string_enum!(NoteTarget, "note target", { Lesson => "lesson", Problem => "problem" });

/// What a learner can bookmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BookmarkKind {
    Lesson,
    Question,
    Problem,
}

string_enum!(BookmarkKind, "bookmark kind", { Lesson => "lesson", Question => "question", Problem => "problem" });

/// The largest note body accepted, in bytes of its Markdown source. Generous for notes, small
/// enough that rendering a page of them stays cheap. The browser's `maxlength` uses it too.
pub const NOTE_MAX_BYTES: usize = 20_000;

impl BookmarkKind {
    /// Plural heading for a group of bookmarks of this kind.
    pub const fn plural_label(self) -> &'static str {
        match self {
            BookmarkKind::Lesson => "Lessons",
            BookmarkKind::Question => "Questions",
            BookmarkKind::Problem => "Problems",
        }
    }
}

impl From<NoteTarget> for BookmarkKind {
    /// A note's page can be bookmarked too: the same kind of thing.
    fn from(t: NoteTarget) -> Self {
        match t {
            NoteTarget::Lesson => BookmarkKind::Lesson,
            NoteTarget::Problem => BookmarkKind::Problem,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_their_stored_spelling() {
        for t in NoteTarget::ALL {
            assert_eq!(t.as_str().parse::<NoteTarget>(), Ok(*t));
        }
        for k in BookmarkKind::ALL {
            assert_eq!(k.as_str().parse::<BookmarkKind>(), Ok(*k));
        }
        assert!("question".parse::<NoteTarget>().is_err(), "questions have no notes");
        let e = "demo".parse::<BookmarkKind>().unwrap_err();
        assert!(e.to_string().contains("lesson question problem"), "{e}");
    }
}
