use crate::parse::string_enum;

/// How hard a problem is, as its `problem.toml` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

string_enum!(Difficulty, "difficulty", { Easy => "easy", Medium => "medium", Hard => "hard" });

impl Difficulty {
    pub const fn label(self) -> &'static str {
        match self {
            Difficulty::Easy => "Easy",
            Difficulty::Medium => "Medium",
            Difficulty::Hard => "Hard",
        }
    }
}
