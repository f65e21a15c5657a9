//! The solving area of a problem page: pick a language, write the function, run the samples or
//! submit, watch the judge's progress live, read the verdict per test.

use domain::Language;
use leptos::prelude::*;

use crate::api::{ProgressEvent, SubmitSolution};
use crate::components::drafts::Drafts;
use crate::components::error_box::action_error;

/// The editor bundle (built from `editor/` by `cargo xtask site`); only problem pages load it.
const EDITOR_MODULE: &str = "/pkg/editor/editor.js";

#[component]
pub fn Workbench(
    problem_id: String,
    starters: Vec<(Language, String)>,
    drafts: Vec<(Language, String)>,
) -> impl IntoView {
    let first = starters.first().map(|(l, _)| *l).unwrap_or(Language::Rust);
    let languages: Vec<Language> = starters.iter().map(|(l, _)| *l).collect();
    let drafts = Drafts::new(problem_id.clone(), starters, drafts);
    let language = RwSignal::new(first);
    let source = RwSignal::new(drafts.text(first));
    drafts.autosave(language, source);
    let submit = ServerAction::<SubmitSolution>::new();
    let progress = RwSignal::new(None::<ProgressEvent>);
    // The verdict, rendered by the server (see `submission_html`).
    let result = RwSignal::new(None::<String>);

    // A new submission id: forget the last result and follow this one.
    Effect::new(move |_| {
        if let Some(Ok(id)) = submit.value().get() {
            result.set(None);
            progress.set(Some(ProgressEvent { submission: id, done: 0, total: 0, verdict: None, finished: false }));
            follow(id, progress, result);
        }
    });
    let running = move || submit.pending().get() || progress.get().is_some_and(|p| !p.finished);

    load_editor();
    // Each language keeps its own text: switching shows the other one's draft or starter, and
    // switching back finds what was written.
    let on_language = move |ev: leptos::ev::Event| {
        let Ok(new) = event_target_value(&ev).parse::<Language>() else { return };
        drafts.remember(language.get_untracked(), source.get_untracked());
        language.set(new);
        source.set(drafts.text(new));
    };
    let on_reset = move |_| {
        let lang = language.get_untracked();
        if source.with_untracked(|s| *s == drafts.starter(lang)) || confirm_reset(lang) {
            source.set(drafts.reset(lang));
        }
    };
    let send = move |samples_only: bool| {
        submit.dispatch(SubmitSolution {
            problem_id: problem_id.clone(),
            language: language.get_untracked().to_string(),
            source: source.get_untracked(),
            samples_only,
        });
    };
    let send_run = send.clone();

    view! {
        <script type="module" src=EDITOR_MODULE></script>
        <section class="workbench" aria-label="Solve">
            <h2>"Your solution"</h2>
            <div class="row">
                <label for="language">"Language"</label>
                <select id="language" on:change=on_language prop:value=move || language.get().as_str()>
                    {languages
                        .iter()
                        .map(|l| view! { <option value=l.as_str()>{l.label()}</option> })
                        .collect_view()}
                </select>
                <button type="button" class="secondary" on:click=on_reset>"Reset to starter"</button>
            </div>
            <label for="source" class="visually-hidden">"Source code"</label>
            // The editor module (editor/, CodeMirror) replaces this textarea when it loads and
            // keeps it in sync both ways; without it, the textarea is the editor.
            <textarea
                id="source"
                class="code-editor"
                spellcheck="false"
                autocapitalize="off"
                rows="16"
                data-language=move || language.get().as_str()
                prop:value=move || source.get()
                on:input=move |ev| source.set(event_target_value(&ev))
            ></textarea>
            <p class="editor-help" id="editor-help">
                <kbd>"Ctrl"</kbd>"+"<kbd>"Enter"</kbd>" submits, "<kbd>"Ctrl"</kbd>"+"<kbd>"'"</kbd>
                " runs the samples (⌘ on a Mac). "<kbd>"Tab"</kbd>" indents; press "<kbd>"Esc"</kbd>
                " then "<kbd>"Tab"</kbd>" to move on."
            </p>
            <div class="row">
                <button type="button" class="secondary" data-action="run" disabled=running on:click=move |_| send_run(true)>
                    "Run samples"
                </button>
                <button type="button" data-action="submit" disabled=running on:click=move |_| send(false)>"Submit"</button>
                <span class="editor-options" hidden>
                    <label><input type="checkbox" name="vim" />"Vim keys"</label>
                </span>
                <span class="judge-status" role="status">
                    {move || status_line(submit.pending().get(), progress.get())}
                </span>
                {action_error(submit.value())}
            </div>
            {move || result.get().map(|html| view! { <div class="judge-result" inner_html=html></div> })}
        </section>
    }
}

/// "Reset to starter" replaces written code: ask first.
fn confirm_reset(lang: Language) -> bool {
    #[cfg(feature = "hydrate")]
    {
        let question = format!("Replace your {} code with the starter? Your saved draft is deleted.", lang.label());
        web_sys::window().and_then(|w| w.confirm_with_message(&question).ok()).unwrap_or(false)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = lang;
        false
    }
}

/// The server-rendered `<script>` loads the editor on a full page load; after a client-side
/// navigation it is inserted by the DOM rather than parsed, and may not run, so the module is
/// also added to `<head>` here. A module runs once per document however often it is added.
fn load_editor() {
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let selector = format!("head script[src=\"{EDITOR_MODULE}\"]");
        if document.query_selector(&selector).ok().flatten().is_some() {
            return;
        }
        if let (Ok(script), Some(head)) = (document.create_element("script"), document.head()) {
            let _ = script.set_attribute("type", "module");
            let _ = script.set_attribute("src", EDITOR_MODULE);
            let _ = head.append_child(&script);
        }
    });
}

fn status_line(sending: bool, progress: Option<ProgressEvent>) -> String {
    match progress {
        _ if sending => "Sending…".into(),
        Some(p) if p.finished => String::new(),
        Some(p) if p.total == 0 => "Compiling…".into(),
        Some(p) => format!("Running test {}/{}", (p.done + 1).min(p.total), p.total),
        None => String::new(),
    }
}

/// Listens to the submission's event stream; when it finishes, loads the full result.
fn follow(id: i64, progress: RwSignal<Option<ProgressEvent>>, result: RwSignal<Option<String>>) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        use leptos::wasm_bindgen::closure::Closure;

        let Ok(source) = web_sys::EventSource::new(&format!("/api/submissions/{id}/events")) else {
            return;
        };
        let stream = source.clone();
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let Some(event) = ev.data().as_string().and_then(|d| serde_json::from_str::<ProgressEvent>(&d).ok()) else {
                return;
            };
            let finished = event.finished;
            progress.set(Some(event));
            if finished {
                stream.close();
                leptos::task::spawn_local(async move {
                    match crate::api::submission_html(id).await {
                        Ok(html) => result.set(Some(html)),
                        Err(e) => {
                            let text = e.to_string().replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
                            result.set(Some(format!("<p class=\"error\" role=\"alert\">{text}</p>")));
                        }
                    }
                });
            }
        });
        source.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The closure lives as long as the page: the stream closes itself when the judge is done.
        on_message.forget();
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (id, progress, result);
}
