//! Form fields parsed into types that can only hold valid values. Compiled into the browser too,
//! so forms can say what is wrong before a request is sent; the server parses again regardless.

use serde::{Deserialize, Serialize};

use super::ApiError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Username(String);

impl Username {
    pub const MIN: usize = 3;
    pub const MAX: usize = 32;

    pub fn parse(raw: &str) -> Result<Self, ApiError> {
        let name = raw.trim();
        let len = name.chars().count();
        if !(Self::MIN..=Self::MAX).contains(&len) {
            return Err(ApiError::bad_input(format!("Usernames are {} to {} characters long.", Self::MIN, Self::MAX)));
        }
        if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.') {
            return Err(ApiError::bad_input("Usernames may hold letters, digits, `_`, `-` and `.` only."));
        }
        Ok(Self(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

impl Password {
    pub const MIN: usize = 8;
    /// Argon2 hashes any length, but a cap keeps hashing cost per request bounded.
    pub const MAX: usize = 128;

    pub fn parse(raw: &str) -> Result<Self, ApiError> {
        let len = raw.chars().count();
        if len < Self::MIN {
            return Err(ApiError::bad_input(format!("Passwords need at least {} characters.", Self::MIN)));
        }
        if len > Self::MAX {
            return Err(ApiError::bad_input(format!("Passwords may be at most {} characters.", Self::MAX)));
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A learner's written answer to a discussion question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerText(String);

impl AnswerText {
    pub const MAX: usize = 10_000;

    pub fn parse(raw: &str) -> Result<Self, ApiError> {
        let text = raw.trim();
        if text.is_empty() {
            return Err(ApiError::bad_input("Write an answer before saving."));
        }
        if text.chars().count() > Self::MAX {
            return Err(ApiError::bad_input(format!("Answers may be at most {} characters.", Self::MAX)));
        }
        Ok(Self(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

pub use domain::Rating;

/// A rating from a form field.
pub fn parse_rating(raw: &str) -> Result<Rating, ApiError> {
    raw.trim()
        .to_ascii_lowercase()
        .parse()
        .map_err(|_| ApiError::bad_input("A rating is one of again, hard, good or easy."))
}

/// Colour scheme preference, kept in a cookie so the server renders the right one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Follow the operating system.
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "auto" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn next(self) -> Self {
        match self {
            Theme::Auto => Theme::Dark,
            Theme::Dark => Theme::Light,
            Theme::Light => Theme::Auto,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames() {
        assert_eq!(Username::parse("  ada_l ").unwrap().as_str(), "ada_l");
        assert!(Username::parse("ab").is_err());
        assert!(Username::parse(&"a".repeat(33)).is_err());
        assert!(Username::parse("ada lovelace").is_err());
        assert!(Username::parse("<script>").is_err());
    }

    #[test]
    fn passwords_are_not_trimmed_and_are_bounded() {
        assert_eq!(Password::parse(" 12345678 ").unwrap().as_str(), " 12345678 ");
        assert!(Password::parse("1234567").is_err());
        assert!(Password::parse(&"x".repeat(129)).is_err());
        assert_eq!(format!("{:?}", Password::parse("secret-pass").unwrap()), "Password(***)");
    }

    #[test]
    fn answers() {
        assert!(AnswerText::parse("   ").is_err());
        assert!(AnswerText::parse(&"x".repeat(10_001)).is_err());
        assert_eq!(AnswerText::parse(" ok ").unwrap().as_str(), "ok");
    }

    #[test]
    fn ratings_round_trip() {
        for &r in Rating::ALL {
            assert_eq!(parse_rating(r.as_str()).unwrap(), r);
        }
        assert_eq!(parse_rating(" Good ").unwrap(), Rating::Good);
        assert!(parse_rating("meh").is_err());
    }
}
