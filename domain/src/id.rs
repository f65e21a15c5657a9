use std::fmt;

use serde::{Deserialize, Serialize};

/// An identifier of a lesson, question, problem or demo: progress is keyed by these, so they are
/// parsed once, strictly (they appear in URLs and database keys), and then trusted everywhere.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum IdError {
    #[error("id is empty")]
    Empty,
    #[error("id `{0}` is longer than 64 characters")]
    TooLong(String),
    #[error("id `{0}` may only hold lowercase letters, digits and `-`, and may not start or end with `-`")]
    BadCharacter(String),
}

impl Id {
    pub const MAX_LEN: usize = 64;

    pub fn parse(raw: &str) -> Result<Self, IdError> {
        if raw.is_empty() {
            return Err(IdError::Empty);
        }
        if raw.len() > Self::MAX_LEN {
            return Err(IdError::TooLong(raw.to_owned()));
        }
        let ok_chars = raw.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !ok_chars || raw.starts_with('-') || raw.ends_with('-') {
            return Err(IdError::BadCharacter(raw.to_owned()));
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for Id {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, IdError> {
        Id::parse(s)
    }
}

impl Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Id::parse(&raw).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_kebab_case() {
        assert_eq!(Id::parse("go-work-stealing").unwrap().as_str(), "go-work-stealing");
        assert_eq!(Id::parse("lcs2").unwrap().as_str(), "lcs2");
    }

    #[test]
    fn rejects_what_would_break_urls_or_keys() {
        assert_eq!(Id::parse(""), Err(IdError::Empty));
        assert!(matches!(Id::parse("Go"), Err(IdError::BadCharacter(_))));
        assert!(matches!(Id::parse("a b"), Err(IdError::BadCharacter(_))));
        assert!(matches!(Id::parse("../x"), Err(IdError::BadCharacter(_))));
        assert!(matches!(Id::parse("-x"), Err(IdError::BadCharacter(_))));
        assert!(matches!(Id::parse(&"a".repeat(65)), Err(IdError::TooLong(_))));
    }
}
