use std::collections::HashMap;

use domain::{Difficulty, Id, Language};

/// The whole course, immutable after loading.
#[derive(Debug, Default)]
pub struct Catalog {
    /// In course order.
    pub sections: Vec<Section>,
    /// Every lesson in course order; `Section::lessons` indexes into this.
    pub lessons: Vec<Lesson>,
    lesson_index: HashMap<String, usize>,
    question_index: HashMap<String, usize>,
    /// Problems and demos that exist under `content/`, by id.
    pub problems: HashMap<Id, Problem>,
    pub demos: HashMap<Id, Demo>,
}

/// A problem as the course shows it; judging belongs to the sandbox (which reads the same
/// `problem.toml` through [`crate::problem`]).
#[derive(Debug, Clone)]
pub struct Problem {
    pub id: Id,
    pub title: String,
    pub difficulty: Difficulty,
    pub tags: Vec<String>,
    /// The lesson it belongs to, if it names one.
    pub lesson: Option<Id>,
    /// `statement.md` rendered, plus each language's starter code as a highlighted block.
    pub body_html: String,
    /// The starter code of each language the problem offers, in [`Language::ALL`] order.
    pub starters: Vec<(Language, String)>,
}

/// A demo as the course shows it (its panel); running it belongs to the demo runner.
#[derive(Debug, Clone)]
pub struct Demo {
    pub id: Id,
    pub title: String,
    pub lesson: Option<Id>,
    pub spec: std::sync::Arc<crate::demo::DemoSpec>,
}

#[derive(Debug, Clone)]
pub struct Section {
    pub id: Id,
    pub title: String,
    pub summary: String,
    /// Indexes into `Catalog::lessons`, in order.
    pub lessons: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct Lesson {
    pub id: Id,
    pub section: usize,
    pub title: String,
    pub summary: String,
    pub minutes: u32,
    pub takeaways: Vec<String>,
    pub html: String,
    pub toc: Vec<TocEntry>,
    pub questions: Vec<Question>,
    pub problems: Vec<LinkedItem>,
    pub demos: Vec<LinkedItem>,
}

#[derive(Debug, Clone)]
pub struct Question {
    pub id: Id,
    pub prompt_html: String,
    pub answer_html: String,
}

/// A problem or demo a lesson points at; `title` is `None` while it does not exist yet
/// ("coming soon").
#[derive(Debug, Clone)]
pub struct LinkedItem {
    pub id: Id,
    pub title: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocEntry {
    pub level: u8,
    pub anchor: String,
    pub text: String,
}

impl Catalog {
    pub(crate) fn new(
        sections: Vec<Section>,
        lessons: Vec<Lesson>,
        problems: HashMap<Id, Problem>,
        demos: HashMap<Id, Demo>,
    ) -> Self {
        let lesson_index = lessons.iter().enumerate().map(|(i, l)| (l.id.to_string(), i)).collect();
        let question_index = lessons
            .iter()
            .enumerate()
            .flat_map(|(i, l)| l.questions.iter().map(move |q| (q.id.to_string(), i)))
            .collect();
        Self { sections, lessons, lesson_index, question_index, problems, demos }
    }

    pub fn lesson(&self, id: &str) -> Option<&Lesson> {
        self.lesson_index.get(id).map(|&i| &self.lessons[i])
    }

    pub fn lesson_position(&self, id: &str) -> Option<usize> {
        self.lesson_index.get(id).copied()
    }

    /// The lesson a question belongs to.
    pub fn lesson_of_question(&self, question_id: &str) -> Option<&Lesson> {
        self.question_index.get(question_id).map(|&i| &self.lessons[i])
    }

    pub fn prev(&self, id: &str) -> Option<&Lesson> {
        let i = self.lesson_position(id)?;
        i.checked_sub(1).map(|p| &self.lessons[p])
    }

    pub fn next(&self, id: &str) -> Option<&Lesson> {
        let i = self.lesson_position(id)?;
        self.lessons.get(i + 1)
    }
}
