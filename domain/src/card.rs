use crate::parse::string_enum;

/// What a review card is: a lesson's discussion question, or a problem to solve again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CardKind {
    Question,
    Problem,
}

string_enum!(CardKind, "card kind", { Question => "question", Problem => "problem" });

/// One card of a learner's review queue: a question's or a problem's content id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CardRef {
    pub kind: CardKind,
    pub id: String,
}

impl CardKind {
    /// The card of this kind with content id `id`.
    pub fn card(self, id: impl Into<String>) -> CardRef {
        CardRef { kind: self, id: id.into() }
    }
}
