//! Walks `content/` and builds the [`Catalog`], failing on the first broken file.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use domain::Id;

use crate::error::LoadError;
use crate::front_matter::{self, LessonMeta, SectionMeta};
use crate::markdown::render_markdown;
use crate::model::{Catalog, Demo, Lesson, LinkedItem, Problem, Question, Section};
use crate::problem::{self, ProblemManifest, one_line};

const SECTION_FILE: &str = "_section.toml";
const DEMO_FILE: &str = crate::demo::SPEC_FILE;
const MAX_MINUTES: u32 = 120;

/// Loads the course from a `content/` directory.
pub fn load(content_dir: &Path) -> Result<Catalog, LoadError> {
    let lessons_dir = content_dir.join("lessons");
    if !lessons_dir.is_dir() {
        return Err(LoadError::new(&lessons_dir, "directory not found (is --content pointing at the content folder?)"));
    }
    let problems = load_problems(&content_dir.join("problems"))?;
    let demos = load_demos(&content_dir.join("demos"))?;

    let mut sections = Vec::new();
    let mut lessons: Vec<Lesson> = Vec::new();
    let mut seen = Seen::default();
    for dir in sorted_entries(&lessons_dir)?.into_iter().filter(|p| p.is_dir()) {
        let meta: SectionMeta = read_toml(&dir.join(SECTION_FILE))?;
        seen.section(&dir.join(SECTION_FILE), &meta.id)?;
        nonempty(&dir.join(SECTION_FILE), "title", &meta.title)?;
        let mut section = Section { id: meta.id, title: meta.title, summary: meta.summary, lessons: Vec::new() };
        for file in sorted_entries(&dir)? {
            if file.extension().is_none_or(|e| e != "md") {
                continue;
            }
            let lesson = load_lesson(&file, sections.len(), &problems, &demos, &mut seen)?;
            section.lessons.push(lessons.len());
            lessons.push(lesson);
        }
        sections.push(section);
    }
    if lessons.is_empty() {
        return Err(LoadError::new(
            &lessons_dir,
            "no lessons found: expected <NN-section>/_section.toml and <NN-lesson>.md files",
        ));
    }
    // A problem or demo that names its lesson must name one that exists.
    let problem_lessons = problems.values().map(|p| ("problems", problem::MANIFEST_FILE, &p.id, &p.lesson));
    let demo_lessons = demos.values().map(|d| ("demos", DEMO_FILE, &d.id, &d.lesson));
    for (kind, file, id, lesson) in problem_lessons.chain(demo_lessons) {
        if let Some(lesson) = lesson.as_ref().filter(|l| !seen.lessons.contains_key(l.as_str())) {
            let path = content_dir.join(kind).join(id.as_str()).join(file);
            return Err(LoadError::new(&path, format!("lesson `{lesson}` does not exist")));
        }
    }
    Ok(Catalog::new(sections, lessons, problems, demos))
}

#[derive(Default)]
struct Seen {
    sections: HashSet<String>,
    lessons: HashMap<String, PathBuf>,
    questions: HashMap<String, PathBuf>,
}

impl Seen {
    fn section(&mut self, path: &Path, id: &Id) -> Result<(), LoadError> {
        if !self.sections.insert(id.to_string()) {
            return Err(LoadError::new(path, format!("duplicate section id `{id}`")));
        }
        Ok(())
    }

    fn lesson(&mut self, path: &Path, id: &Id) -> Result<(), LoadError> {
        if let Some(first) = self.lessons.insert(id.to_string(), path.to_path_buf()) {
            return Err(LoadError::new(path, format!("duplicate lesson id `{id}` (also in {})", first.display())));
        }
        Ok(())
    }

    fn question(&mut self, path: &Path, id: &Id) -> Result<(), LoadError> {
        if let Some(first) = self.questions.insert(id.to_string(), path.to_path_buf()) {
            return Err(LoadError::new(path, format!("duplicate question id `{id}` (also in {})", first.display())));
        }
        Ok(())
    }
}

fn load_lesson(
    path: &Path,
    section: usize,
    problems: &HashMap<Id, Problem>,
    demos: &HashMap<Id, Demo>,
    seen: &mut Seen,
) -> Result<Lesson, LoadError> {
    let text = read(path)?;
    let (front, body, _) = front_matter::split(&text).map_err(|r| LoadError::new(path, r))?;
    let meta: LessonMeta =
        toml::from_str(front).map_err(|e| LoadError::new(path, format!("front matter: {}", one_line(&e))))?;
    seen.lesson(path, &meta.id)?;
    nonempty(path, "title", &meta.title)?;
    nonempty(path, "summary", &meta.summary)?;
    if !(1..=MAX_MINUTES).contains(&meta.minutes) {
        return Err(LoadError::new(path, format!("minutes must be between 1 and {MAX_MINUTES}, not {}", meta.minutes)));
    }
    let mut questions = Vec::with_capacity(meta.questions.len());
    for q in meta.questions {
        seen.question(path, &q.id)?;
        nonempty(path, &format!("question `{}` prompt", q.id), &q.prompt)?;
        nonempty(path, &format!("question `{}` answer", q.id), &q.answer)?;
        questions.push(Question {
            id: q.id,
            prompt_html: render_markdown(&q.prompt).html,
            answer_html: render_markdown(&q.answer).html,
        });
    }
    let rendered = render_markdown(body);
    let problems =
        meta.problems.into_iter().map(|id| LinkedItem { title: problems.get(&id).map(|p| p.title.clone()), id });
    let demos = meta.demos.into_iter().map(|id| LinkedItem { title: demos.get(&id).map(|d| d.title.clone()), id });
    Ok(Lesson {
        id: meta.id,
        section,
        title: meta.title,
        summary: meta.summary,
        minutes: meta.minutes,
        takeaways: meta.takeaways,
        html: rendered.html,
        toc: rendered.toc,
        questions,
        problems: problems.collect(),
        demos: demos.collect(),
    })
}

/// Problems as the course shows them: title, difficulty, lesson, statement, starter code. The
/// manifest is parsed by [`ProblemManifest::load`], the parser the judge uses too.
fn load_problems(dir: &Path) -> Result<HashMap<Id, Problem>, LoadError> {
    let mut problems = HashMap::new();
    for problem_dir in problem::problem_dirs(dir)? {
        let manifest = ProblemManifest::load(&problem_dir)?;
        let statement_path = problem_dir.join("statement.md");
        let mut body = read(&statement_path)?;
        let mut starters = Vec::new();
        for (lang, spec) in manifest.languages() {
            let code = spec.starter();
            body += &format!("\n\n### Starter code: {}\n\n```{lang}\n{}\n```\n", lang.label(), code.trim_end());
            starters.push((lang, code.to_owned()));
        }
        let problem = Problem {
            title: manifest.title,
            difficulty: manifest.difficulty,
            tags: manifest.tags,
            lesson: manifest.lesson,
            body_html: render_markdown(&body).html,
            starters,
            id: manifest.id,
        };
        problems.insert(problem.id.clone(), problem);
    }
    Ok(problems)
}

/// Demos as the course shows them; `demo.toml` is parsed in full here, so a broken one stops
/// start-up like a broken lesson.
fn load_demos(dir: &Path) -> Result<HashMap<Id, Demo>, LoadError> {
    let mut demos = HashMap::new();
    for demo_dir in crate::demo::demo_dirs(dir)? {
        let spec = crate::demo::DemoSpec::load(&demo_dir)?;
        let demo = Demo {
            id: spec.id.clone(),
            title: spec.title.clone(),
            lesson: Some(spec.lesson.clone()),
            spec: spec.into(),
        };
        demos.insert(demo.id.clone(), demo);
    }
    Ok(demos)
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let entries = fs::read_dir(dir).map_err(|e| LoadError::new(dir, e.to_string()))?;
    let mut paths = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| LoadError::new(dir, e.to_string()))?;
        let name = entry.file_name();
        // Editors' swap files and dotfiles are not content.
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        paths.push(entry.path());
    }
    paths.sort();
    Ok(paths)
}

fn read(path: &Path) -> Result<String, LoadError> {
    fs::read_to_string(path).map_err(|e| LoadError::new(path, e.to_string()))
}

fn read_toml<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, LoadError> {
    let text = read(path)?;
    toml::from_str(&text).map_err(|e| LoadError::new(path, one_line(&e)))
}

fn nonempty(path: &Path, what: &str, value: &str) -> Result<(), LoadError> {
    if value.trim().is_empty() {
        return Err(LoadError::new(path, format!("{what} must not be empty")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Tree(tempfile::TempDir);

    impl Tree {
        fn new() -> Self {
            Tree(tempfile::tempdir().unwrap())
        }
        fn put(&self, rel: &str, text: &str) -> &Self {
            let p = self.0.path().join(rel);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, text).unwrap();
            self
        }
        fn load(&self) -> Result<Catalog, LoadError> {
            load(self.0.path())
        }
    }

    fn lesson(id: &str, questions: &[&str]) -> String {
        let mut s = format!(
            "+++\nid = \"{id}\"\ntitle = \"T {id}\"\nsummary = \"S\"\nminutes = 5\nproblems = [\"lcs\", \"nope\"]\n"
        );
        for q in questions {
            s += &format!("[[questions]]\nid = \"{q}\"\nprompt = \"Why?\"\nanswer = \"Because.\"\n");
        }
        s + "+++\n## Hello\n\nBody of " + id + "\n"
    }

    fn good() -> Tree {
        let t = Tree::new();
        t.put("lessons/01-a/_section.toml", "id = \"sec-a\"\ntitle = \"A\"\nsummary = \"first\"\n")
            .put("lessons/01-a/01-x.md", &lesson("x", &["x-1", "x-2"]))
            .put("lessons/01-a/02-y.md", &lesson("y", &[]))
            .put("lessons/02-b/_section.toml", "id = \"sec-b\"\ntitle = \"B\"\nsummary = \"second\"\n")
            .put("lessons/02-b/01-z.md", &lesson("z", &["z-1"]))
            .put("problems/lcs/problem.toml", &problem_toml("Longest common subsequence", ""))
            .put("problems/lcs/statement.md", "Find it.\n");
        t
    }

    fn problem_toml(title: &str, extra: &str) -> String {
        format!(
            "id = \"lcs\"\ntitle = \"{title}\"\ndifficulty = \"medium\"\nsamples = [\"01\"]\n{extra}[go]\nsignature = \"func lcs(a, b string) int\"\nstarter = \"func lcs(a, b string) int {{\\n\\treturn 0\\n}}\"\n"
        )
    }

    #[test]
    fn loads_sections_and_lessons_in_file_order() {
        let c = good().load().unwrap();
        let ids: Vec<_> = c.lessons.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, ["x", "y", "z"]);
        assert_eq!(c.sections[1].lessons, [2]);
        assert_eq!(c.prev("y").unwrap().id.as_str(), "x");
        assert_eq!(c.next("y").unwrap().id.as_str(), "z");
        assert!(c.next("z").is_none());
        assert_eq!(c.lesson_of_question("z-1").unwrap().id.as_str(), "z");
        assert!(c.lesson("x").unwrap().html.contains("<h2"));
    }

    #[test]
    fn problem_pages_carry_statement_and_starter_code() {
        let t = good();
        t.put("problems/lcs/statement.md", "Find the **LCS**.\n");
        let c = t.load().unwrap();
        let lcs = &c.problems["lcs"];
        assert_eq!(lcs.difficulty, domain::Difficulty::Medium);
        assert!(lcs.body_html.contains("<strong>LCS</strong>"), "{}", lcs.body_html);
        assert!(
            lcs.body_html.contains("Starter code: Go") && lcs.body_html.contains("language-go"),
            "{}",
            lcs.body_html
        );
        assert_eq!(lcs.starters, [(domain::Language::Go, "func lcs(a, b string) int {\n\treturn 0\n}".to_string())]);
    }

    #[test]
    fn a_problem_folder_and_id_must_agree() {
        let t = good();
        t.put("problems/lcs/problem.toml", &problem_toml("LCS", "").replace("id = \"lcs\"", "id = \"other\""));
        assert!(t.load().unwrap_err().reason.contains("differs from its folder name"));
    }

    #[test]
    fn links_to_missing_problems_are_coming_soon() {
        let c = good().load().unwrap();
        let p = &c.lesson("x").unwrap().problems;
        assert!(c.problems["lcs"].body_html.is_empty() || c.problems["lcs"].body_html.contains('<'));
        assert_eq!(p[0].title.as_deref(), Some("Longest common subsequence"));
        assert_eq!(p[1].id.as_str(), "nope");
        assert!(p[1].title.is_none());
    }

    #[test]
    fn duplicate_lesson_id_names_both_files() {
        let t = good();
        t.put("lessons/02-b/02-dup.md", &lesson("x", &[]));
        let e = t.load().unwrap_err();
        assert!(e.path.ends_with("02-b/02-dup.md"), "{e}");
        assert!(e.reason.contains("duplicate lesson id `x`") && e.reason.contains("01-x.md"), "{e}");
    }

    #[test]
    fn duplicate_question_id_across_lessons_is_an_error() {
        let t = good();
        t.put("lessons/02-b/02-q.md", &lesson("q", &["x-1"]));
        let e = t.load().unwrap_err();
        assert!(e.reason.contains("duplicate question id `x-1`"), "{e}");
    }

    #[test]
    fn bad_front_matter_is_reported_with_the_file() {
        let t = good();
        t.put("lessons/01-a/03-bad.md", "+++\nid = \"bad\"\ntitle = 3\n+++\nbody\n");
        let e = t.load().unwrap_err();
        assert!(e.to_string().contains("03-bad.md: front matter:"), "{e}");
        assert!(!e.to_string().contains('\n'), "one line: {e}");
    }

    #[test]
    fn bad_ids_and_minutes_are_rejected() {
        let t = good();
        t.put("lessons/01-a/03-bad.md", &lesson("Bad Id", &[]));
        assert!(t.load().unwrap_err().reason.contains("lowercase"));
        let t = good();
        t.put("lessons/01-a/03-bad.md", &lesson("ok", &[]).replace("minutes = 5", "minutes = 0"));
        assert!(t.load().unwrap_err().reason.contains("minutes"));
    }

    #[test]
    fn a_problem_naming_a_missing_lesson_is_an_error() {
        let t = good();
        t.put("problems/lcs/problem.toml", &problem_toml("LCS", "lesson = \"no-such-lesson\"\n"));
        let e = t.load().unwrap_err();
        assert!(e.path.ends_with("problems/lcs/problem.toml"), "{e}");
        assert!(e.reason.contains("lesson `no-such-lesson` does not exist"), "{e}");
        let t = good();
        t.put("problems/lcs/problem.toml", &problem_toml("LCS", "lesson = \"x\"\n"));
        assert!(t.load().is_ok());
    }

    #[test]
    fn missing_section_file_is_an_error() {
        let t = good();
        t.put("lessons/03-c/01-w.md", &lesson("w", &[]));
        let e = t.load().unwrap_err();
        assert!(e.path.ends_with("03-c/_section.toml"), "{e}");
    }

    #[test]
    fn missing_content_dir_says_so() {
        let t = Tree::new();
        let e = t.load().unwrap_err();
        assert!(e.reason.contains("directory not found"), "{e}");
    }

    #[test]
    fn the_real_course_loads() {
        let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        let c = load(&content).unwrap_or_else(|e| panic!("{e}"));
        assert!(!c.lessons.is_empty());
        // The course's own bar: every lesson has key takeaways and at least three questions.
        let thin: Vec<_> = c
            .lessons
            .iter()
            .filter(|l| l.questions.len() < 3 || l.takeaways.is_empty())
            .map(|l| format!("{} ({} questions, {} takeaways)", l.id, l.questions.len(), l.takeaways.len()))
            .collect();
        assert!(thin.is_empty(), "lessons below the bar: {thin:?}");
    }

    /// The course quotes one figure for a goroutine switch wherever it gives one (the guide
    /// said "100–200 ns" in one place and "a few hundred ns" in others).
    #[test]
    fn one_figure_for_a_goroutine_switch() {
        let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        let c = load(&content).unwrap_or_else(|e| panic!("{e}"));
        let mut quoted = 0;
        for l in &c.lessons {
            let text = [l.html.as_str()].into_iter().chain(l.takeaways.iter().map(String::as_str));
            for sentence in text.flat_map(|t| t.split(['.', '\n'])) {
                let lower = sentence.to_lowercase();
                if !lower.contains("goroutine switch") && !lower.contains("switching goroutines") {
                    continue;
                }
                let says_ns = lower.contains(" ns") || lower.contains("nanosecond");
                if says_ns {
                    assert!(lower.contains("100–200 ns"), "{}: another figure: {sentence}", l.id);
                    quoted += 1;
                }
            }
        }
        assert!(quoted >= 3, "the figure is quoted where switches are taught ({quoted} found)");
    }
}
