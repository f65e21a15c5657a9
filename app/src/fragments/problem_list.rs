use leptos::prelude::*;

use domain::{Difficulty, Language, ProblemStatus};

use super::problem_filter::{Choice, Facets, Filter};
use crate::api::LessonLink;
use crate::components::status_mark::StatusMark;

pub struct SectionLink {
    pub id: String,
    pub title: String,
}

pub struct Row {
    pub id: String,
    pub title: String,
    pub difficulty: Difficulty,
    pub tags: Vec<String>,
    /// The languages it can be solved in (concurrency problems are Go only).
    pub languages: Vec<Language>,
    pub lesson: Option<LessonLink>,
    pub section: Option<SectionLink>,
    pub status: ProblemStatus,
    /// Course position of the problem's lesson, for ordering.
    pub position: usize,
}

impl Row {
    pub fn section_id(&self) -> Option<&str> {
        self.section.as_ref().map(|s| s.id.as_str())
    }
}

/// The whole list page: filters (a plain GET form, so it works before the bundle loads), what
/// they leave, and the learner's standing with each problem.
#[component]
pub fn ProblemList(rows: Vec<Row>, filter: Filter, notes: Vec<String>, logged_in: bool) -> impl IntoView {
    let total = rows.len();
    let solved = rows.iter().filter(|r| r.status == ProblemStatus::Solved).count();
    let facets = Facets::count(&filter, &rows);
    let shown: Vec<Row> = rows.into_iter().filter(|r| filter.matches(r)).collect();
    let summary = if filter.is_empty() {
        format!("{total} problems")
    } else {
        format!("Showing {} of {total} problems", shown.len())
    };
    let progress = if logged_in { format!(" · solved {solved} of {total}") } else { String::new() };
    let filtered = !filter.is_empty();
    view! {
        <h1>"Problems"</h1>
        <p class="muted">
            "Solve them in Rust or Go; the judge counts instructions, so the same code always gets the same verdict."
        </p>
        <form class="problem-filters" method="get" action="/problems" aria-label="Filter problems">
            <FacetSelect name="section" label="Section" any="Any section" choices=facets.sections chosen=filter.section.clone() />
            <FacetSelect name="difficulty" label="Difficulty" any="Any difficulty" choices=facets.difficulties chosen=filter.difficulty.map(|d| d.as_str().to_string()) />
            <FacetSelect name="tag" label="Tag" any="Any tag" choices=facets.tags chosen=filter.tag.clone() />
            {logged_in.then(|| view! {
                <FacetSelect name="status" label="Status" any="Any status" choices=facets.statuses chosen=filter.status.map(|s| s.as_str().to_string()) />
            })}
            <button type="submit">"Filter"</button>
            {filtered.then(|| view! { <a class="clear-filters" href="/problems">"Clear filters"</a> })}
        </form>
        {notes.into_iter().map(|n| view! { <p class="notice" role="status">{n}</p> }).collect_view()}
        <p class="muted problem-count" role="status">{summary}{progress}</p>
        {shown.is_empty().then(|| view! { <p>"No problem matches these filters."</p> })}
        <ol class="problem-list">
            {shown.into_iter().map(|r| view! { <ProblemRow row=r logged_in /> }).collect_view()}
        </ol>
    }
}

#[component]
fn ProblemRow(row: Row, logged_in: bool) -> impl IntoView {
    let status = row.status;
    view! {
        <li class=format!("problem-row {}", status.as_str()) data-problem=row.id.clone() data-status=status.as_str()>
            <a href=format!("/problems/{}", row.id)>{row.title}</a>
            <span class="badge">{row.difficulty.label()}</span>
            {(row.languages.len() == 1).then(|| view! { <span class="badge">{format!("{} only", row.languages[0].label())}</span> })}
            {(logged_in && status != ProblemStatus::New).then(|| view! { <StatusMark status /> })}
            <p class="muted small">
                {row.lesson.map(|l| view! { "From " <a href=format!("/lessons/{}", l.id)>{l.title}</a> " · " })}
                {row.tags.into_iter().enumerate().map(|(i, t)| view! {
                    {(i > 0).then_some(", ")}
                    <a class="tag" href=format!("/problems?tag={t}")>{t.clone()}</a>
                }).collect_view()}
            </p>
        </li>
    }
}

#[component]
fn FacetSelect(
    name: &'static str,
    label: &'static str,
    any: &'static str,
    choices: Vec<Choice>,
    chosen: Option<String>,
) -> impl IntoView {
    let id = format!("filter-{name}");
    view! {
        <label for=id.clone()>{label}</label>
        <select id=id name=name>
            <option value="" selected=chosen.is_none()>{any}</option>
            {choices
                .into_iter()
                .map(|c| {
                    let selected = chosen.as_deref() == Some(c.value.as_str());
                    view! { <option value=c.value selected=selected>{format!("{} ({})", c.label, c.count)}</option> }
                })
                .collect_view()}
        </select>
    }
}
