//! The problem list's filters: section, difficulty, tag and the learner's status, parsed from
//! the page's query, and facet counts the way a shop's sidebar counts them (each value counts
//! the problems that would show if it were chosen, with the other filters kept).

use std::collections::BTreeMap;

use domain::{Difficulty, ProblemStatus};

use super::problem_list::Row;

/// The filters as the URL spells them (`/problems?difficulty=hard&tag=graphs`); empty means all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub section: String,
    pub difficulty: String,
    pub tag: String,
    pub status: String,
}

/// The filters after parsing: `None` is "any".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub section: Option<String>,
    pub difficulty: Option<Difficulty>,
    pub tag: Option<String>,
    pub status: Option<ProblemStatus>,
}

/// Which facet a count leaves out: a value's count keeps every other filter.
#[derive(Clone, Copy, PartialEq)]
enum Facet {
    Section,
    Difficulty,
    Tag,
    Status,
}

impl Filter {
    /// Parses `query` against what exists. A value that names nothing is dropped with a
    /// message rather than showing an empty list the learner cannot explain.
    pub fn parse(query: &Query, rows: &[Row]) -> (Filter, Vec<String>) {
        let mut notes = Vec::new();
        let mut known = |what: &str, raw: &str, ok: bool| -> bool {
            if !raw.is_empty() && !ok {
                notes.push(format!("There is no {what} “{}”; showing every {what}.", shorten(raw)));
            }
            !raw.is_empty() && ok
        };
        let section = known("section", &query.section, rows.iter().any(|r| r.section_id() == Some(&query.section)))
            .then(|| query.section.clone());
        let difficulty = query.difficulty.parse::<Difficulty>().ok();
        let difficulty = known("difficulty", &query.difficulty, difficulty.is_some()).then_some(difficulty).flatten();
        let tag = known("tag", &query.tag, rows.iter().any(|r| r.tags.contains(&query.tag))).then(|| query.tag.clone());
        let status = query.status.parse::<ProblemStatus>().ok();
        let status = known("status", &query.status, status.is_some()).then_some(status).flatten();
        (Filter { section, difficulty, tag, status }, notes)
    }

    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    pub fn matches(&self, row: &Row) -> bool {
        self.matches_except(row, None)
    }

    fn matches_except(&self, row: &Row, skip: Option<Facet>) -> bool {
        let keep = |facet: Facet, ok: bool| skip == Some(facet) || ok;
        keep(Facet::Section, self.section.as_deref().is_none_or(|s| row.section_id() == Some(s)))
            && keep(Facet::Difficulty, self.difficulty.is_none_or(|d| row.difficulty == d))
            && keep(Facet::Tag, self.tag.as_ref().is_none_or(|t| row.tags.contains(t)))
            && keep(Facet::Status, self.status.is_none_or(|s| row.status == s))
    }
}

/// One choice in a filter: its URL value, its label and how many problems it would show.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub count: usize,
}

/// The choices of every filter, counted against the other filters in force.
pub struct Facets {
    pub sections: Vec<Choice>,
    pub difficulties: Vec<Choice>,
    pub tags: Vec<Choice>,
    pub statuses: Vec<Choice>,
}

impl Facets {
    pub fn count(filter: &Filter, rows: &[Row]) -> Facets {
        let visible = |skip: Facet| rows.iter().filter(move |r| filter.matches_except(r, Some(skip)));

        // Sections in course order (rows are sorted by position), each once.
        let mut sections: Vec<Choice> = Vec::new();
        for r in rows {
            if let Some(s) = &r.section
                && !sections.iter().any(|c| c.value == s.id)
            {
                sections.push(Choice { value: s.id.clone(), label: s.title.clone(), count: 0 });
            }
        }
        for r in visible(Facet::Section) {
            if let Some(c) = sections.iter_mut().find(|c| Some(c.value.as_str()) == r.section_id()) {
                c.count += 1;
            }
        }

        let difficulties = Difficulty::ALL
            .iter()
            .map(|&d| Choice {
                value: d.as_str().into(),
                label: d.label().into(),
                count: visible(Facet::Difficulty).filter(|r| r.difficulty == d).count(),
            })
            .collect();

        let mut tag_counts: BTreeMap<&str, usize> =
            rows.iter().flat_map(|r| &r.tags).map(|t| (t.as_str(), 0)).collect();
        for r in visible(Facet::Tag) {
            for t in &r.tags {
                *tag_counts.entry(t).or_default() += 1;
            }
        }
        let tags =
            tag_counts.into_iter().map(|(t, count)| Choice { value: t.into(), label: t.into(), count }).collect();

        let statuses = ProblemStatus::ALL
            .iter()
            .map(|&s| Choice {
                value: s.as_str().into(),
                label: s.label().into(),
                count: visible(Facet::Status).filter(|r| r.status == s).count(),
            })
            .collect();
        Facets { sections, difficulties, tags, statuses }
    }
}

fn shorten(raw: &str) -> String {
    let mut s: String = raw.chars().take(40).collect();
    if s.len() < raw.len() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::LessonLink;
    use crate::fragments::problem_list::SectionLink;

    fn row(id: &str, section: &str, difficulty: Difficulty, tags: &[&str], status: ProblemStatus) -> Row {
        Row {
            id: id.into(),
            title: id.into(),
            difficulty,
            tags: tags.iter().map(|t| t.to_string()).collect(),
            languages: vec![domain::Language::Go],
            lesson: Some(LessonLink { id: format!("{section}-lesson"), title: "L".into() }),
            section: Some(SectionLink { id: section.into(), title: section.to_uppercase() }),
            status,
            position: 0,
        }
    }

    fn rows() -> Vec<Row> {
        use Difficulty::*;
        use ProblemStatus::*;
        vec![
            row("lcs", "dsa", Medium, &["dynamic-programming", "strings"], Solved),
            row("kruskal", "dsa", Medium, &["graphs", "union-find"], Attempted),
            row("sa", "dsa", Hard, &["strings"], New),
            row("limiter", "pay", Medium, &["rate-limiting"], New),
            row("ledger", "pay", Easy, &["ledger"], Solved),
        ]
    }

    fn query(section: &str, difficulty: &str, tag: &str, status: &str) -> Query {
        Query { section: section.into(), difficulty: difficulty.into(), tag: tag.into(), status: status.into() }
    }

    fn counts(choices: &[Choice]) -> Vec<(&str, usize)> {
        choices.iter().map(|c| (c.value.as_str(), c.count)).collect()
    }

    #[test]
    fn filters_combine_and_each_facet_counts_against_the_others() {
        let rows = rows();
        let (filter, notes) = Filter::parse(&query("dsa", "medium", "", ""), &rows);
        assert!(notes.is_empty());
        let shown: Vec<_> = rows.iter().filter(|r| filter.matches(r)).map(|r| r.id.as_str()).collect();
        assert_eq!(shown, ["lcs", "kruskal"]);

        let facets = Facets::count(&filter, &rows);
        // Sections count medium problems; difficulties count dsa problems.
        assert_eq!(counts(&facets.sections), [("dsa", 2), ("pay", 1)]);
        assert_eq!(counts(&facets.difficulties), [("easy", 0), ("medium", 2), ("hard", 1)]);
        assert_eq!(counts(&facets.statuses), [("solved", 1), ("attempted", 1), ("new", 0)]);
        let tags = counts(&facets.tags);
        assert!(tags.contains(&("strings", 1)) && tags.contains(&("ledger", 0)), "{tags:?}");
    }

    #[test]
    fn status_filter_picks_the_learners_problems() {
        let rows = rows();
        let (filter, _) = Filter::parse(&query("", "", "", "new"), &rows);
        let shown: Vec<_> = rows.iter().filter(|r| filter.matches(r)).map(|r| r.id.as_str()).collect();
        assert_eq!(shown, ["sa", "limiter"]);
        let (filter, _) = Filter::parse(&query("", "", "strings", "solved"), &rows);
        assert_eq!(rows.iter().filter(|r| filter.matches(r)).count(), 1);
    }

    #[test]
    fn unknown_values_are_named_and_ignored() {
        let rows = rows();
        let long = "x".repeat(300);
        let (filter, notes) = Filter::parse(&query("nowhere", "impossible", &long, "done"), &rows);
        assert!(filter.is_empty(), "{filter:?}");
        assert_eq!(notes.len(), 4, "{notes:?}");
        assert!(notes[0].contains("“nowhere”"));
        assert!(notes[2].len() < 120, "a long value is shortened: {}", notes[2]);
        assert_eq!(rows.iter().filter(|r| filter.matches(r)).count(), rows.len());
    }
}
