//! The course catalog: everything under `content/`, loaded once at start-up.
//!
//! Loading validates the whole tree (ids, front matter, cross references) and renders every
//! lesson's Markdown to HTML up front, so a request never parses Markdown and a broken content
//! file stops start-up with `path: reason` instead of failing in front of a learner.
//!
//! Each content format has its one parser here: lesson front matter (`front_matter`), section
//! files, `demo.toml` ([`demo`]), which the demo runner uses too, and `problem.toml` ([`problem`]), which the judge uses too (without the `render`
//! feature, so it does not compile Markdown or highlighting).

pub mod demo;
mod error;
#[cfg(feature = "render")]
mod front_matter;
#[cfg(feature = "render")]
mod highlight;
#[cfg(feature = "render")]
mod load;
#[cfg(feature = "render")]
mod markdown;
#[cfg(feature = "render")]
mod model;
pub mod problem;
#[cfg(feature = "render")]
mod search_documents;

pub use domain::{Id, IdError};
pub use error::LoadError;
#[cfg(feature = "render")]
pub use load::load;
#[cfg(feature = "render")]
pub use markdown::{Rendered, render_markdown, render_note};
#[cfg(feature = "render")]
pub use model::{Catalog, Demo, Lesson, LinkedItem, Problem, Question, Section, TocEntry};
