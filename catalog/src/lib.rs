//! The course catalog: everything under `content/`, loaded once at start-up.
//!
//! Loading validates the whole tree (ids, front matter, cross references) and renders every
//! lesson's Markdown to HTML up front, so a request never parses Markdown and a broken content
//! file stops start-up with `path: reason` instead of failing in front of a learner.

mod error;
mod front_matter;
mod highlight;
mod id;
mod load;
mod markdown;
mod model;

pub use error::LoadError;
pub use id::{Id, IdError};
pub use load::load;
pub use markdown::{Rendered, render_markdown};
pub use model::{Catalog, Item, Lesson, LinkedItem, Question, Section, TocEntry};
