use crate::parse::string_enum;

/// A language the judge compiles. The one list of them: the editor's picker, the submit form's
/// check, the store's column and the judge's toolchains all read [`Language::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Language {
    Rust,
    Go,
}

string_enum!(Language, "language", { Rust => "rust", Go => "go" });

impl Language {
    /// What a person calls it.
    pub const fn label(self) -> &'static str {
        match self {
            Language::Rust => "Rust",
            Language::Go => "Go",
        }
    }

    /// Source file extension (`solutions/ref.rs`, `drivers/main.go`).
    pub const fn ext(self) -> &'static str {
        match self {
            Language::Rust => "rs",
            Language::Go => "go",
        }
    }

    /// The language a file is written in, from its extension.
    pub fn from_path(path: &std::path::Path) -> Option<Language> {
        let ext = path.extension()?.to_str()?;
        Language::ALL.iter().copied().find(|l| l.ext() == ext)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_spelling_each_way() {
        for &l in Language::ALL {
            assert_eq!(l.as_str().parse::<Language>(), Ok(l));
            assert_eq!(serde_json::to_string(&l).unwrap(), format!("\"{l}\""));
        }
        let e = "cobol".parse::<Language>().unwrap_err();
        assert_eq!(e.to_string(), "unknown language \"cobol\" (expected rust go )");
        assert_eq!(Language::from_path("x/ref.go".as_ref()), Some(Language::Go));
        assert_eq!(Language::from_path("x/ref.py".as_ref()), None);
    }
}
