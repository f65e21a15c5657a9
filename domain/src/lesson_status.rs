use crate::parse::string_enum;

/// How far a learner got with a lesson: opened it, or marked it done. A lesson never opened has
/// no status at all (no row), so there is no third value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LessonStatus {
    Started,
    Done,
}

string_enum!(LessonStatus, "lesson status", { Started => "started", Done => "done" });

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn done_is_further_than_started() {
        assert!(LessonStatus::Done > LessonStatus::Started, "merges keep the greater one");
        assert_eq!("done".parse::<LessonStatus>(), Ok(LessonStatus::Done));
        assert!("finished".parse::<LessonStatus>().is_err());
    }
}
