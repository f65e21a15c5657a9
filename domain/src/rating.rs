use crate::parse::string_enum;

/// How well the learner recalled a question's answer (the four grades of Anki / FSRS).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rating {
    Again,
    Hard,
    Good,
    Easy,
}

string_enum!(Rating, "rating", { Again => "again", Hard => "hard", Good => "good", Easy => "easy" });

impl Rating {
    pub const fn label(self) -> &'static str {
        match self {
            Rating::Again => "Again",
            Rating::Hard => "Hard",
            Rating::Good => "Good",
            Rating::Easy => "Easy",
        }
    }
}
