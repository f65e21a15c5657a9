//! The solving area of a problem page: pick a language, write the function, run the samples or
//! submit, watch the judge's progress live, read the verdict per test.

use domain::{Keymap, Language};
use leptos::prelude::*;

use crate::api::{CancelSubmission, ProgressEvent, RunCustomInput, SubmitSolution};
use crate::components::drafts::Drafts;
use crate::components::error_box::action_error;
use crate::components::history_panel::HistoryPanel;
use crate::components::module_script::load_module;

/// The editor bundle (built from `editor/` by `cargo xtask site`); only problem pages load it.
const EDITOR_MODULE: &str = "/pkg/editor/editor.js";

#[component]
pub fn Workbench(
    problem_id: String,
    starters: Vec<(Language, String)>,
    drafts: Vec<(Language, String)>,
    keymap: Keymap,
) -> impl IntoView {
    let first = starters.first().map(|(l, _)| *l).unwrap_or(Language::Rust);
    let languages: Vec<Language> = starters.iter().map(|(l, _)| *l).collect();
    let drafts = Drafts::new(problem_id.clone(), starters, drafts);
    let language = RwSignal::new(first);
    let initial = drafts.text(first);
    let source = RwSignal::new(initial.clone());
    let custom_input = RwSignal::new(String::new());
    drafts.autosave(language, source);
    let submit = ServerAction::<SubmitSolution>::new();
    let custom = ServerAction::<RunCustomInput>::new();
    let cancel = ServerAction::<CancelSubmission>::new();
    let progress = RwSignal::new(None::<ProgressEvent>);
    // The verdict, rendered by the server (see `submission_html`).
    let result = RwSignal::new(None::<String>);
    // Bumped when a run finishes: the history list is fetched again.
    let finished = RwSignal::new(0u32);

    // A new submission id (from either action): forget the last result and follow this one.
    for queued in [submit.value(), custom.value()] {
        Effect::new(move |_| {
            if let Some(Ok(id)) = queued.get() {
                result.set(None);
                progress.set(Some(ProgressEvent { submission: id, done: 0, total: 0, verdict: None, finished: false }));
                follow(id, progress, result, finished);
            }
        });
    }
    let sending = move || submit.pending().get() || custom.pending().get();
    let running = move || sending() || progress.get().is_some_and(|p| !p.finished);

    load_module(EDITOR_MODULE);
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
        if source.with_untracked(|s| *s == drafts.starter(lang))
            || confirm_replace(&format!(
                "Replace your {} code with the starter? Your saved draft is deleted.",
                lang.label()
            ))
        {
            source.set(drafts.reset(lang));
        }
    };
    // "Restore into editor": the code of an earlier submission, in its language.
    let restore = Callback::new(move |(id, ask): (i64, bool)| {
        leptos::task::spawn_local(async move {
            let Ok((lang, code)) = crate::api::submission_source(id).await else { return };
            let current = source.get_untracked();
            let unchanged = current == drafts.starter(language.get_untracked()) || current == code;
            if ask && !unchanged && !confirm_replace(&format!("Replace the code in the editor with submission #{id}?"))
            {
                return;
            }
            drafts.remember(language.get_untracked(), current);
            language.set(lang);
            source.set(code);
        });
    });
    restore_from_query(restore);
    let problem = StoredValue::new(problem_id.clone());
    // With JavaScript the buttons send through the API and the page stays; without it they
    // submit the form (`submit_form`), and the server answers with the submission's page.
    let send = move |ev: leptos::ev::MouseEvent, kind: Kind| {
        ev.prevent_default();
        let (problem_id, language, source) =
            (problem.get_value(), language.get_untracked().to_string(), source.get_untracked());
        match kind {
            Kind::Samples | Kind::Submit => {
                submit.dispatch(SubmitSolution { problem_id, language, source, samples_only: kind == Kind::Samples });
            }
            Kind::Custom => {
                custom.dispatch(RunCustomInput { problem_id, language, source, input: custom_input.get_untracked() });
            }
        }
    };
    let save_keymap = move |ev: leptos::ev::Event| {
        let keymap = if event_target_checked(&ev) { Keymap::Vim } else { Keymap::Standard };
        leptos::task::spawn_local(async move {
            if let Err(e) = crate::api::set_editor_keymap(keymap.to_string()).await {
                leptos::logging::warn!("saving the keymap failed: {e}");
            }
        });
    };
    let on_cancel = move |_| {
        if let Some(p) = progress.get_untracked().filter(|p| !p.finished) {
            cancel.dispatch(CancelSubmission { id: p.submission });
        }
    };

    view! {
        <script type="module" src=EDITOR_MODULE nonce=use_nonce()></script>
        <section class="workbench" aria-label="Solve">
            <h2>"Your solution"</h2>
            <form method="post" action="/api/submit_form" class="workbench-form">
                <input type="hidden" name="problem_id" value=problem_id.clone() />
                <div class="row">
                    <label for="language">"Language"</label>
                    <select id="language" name="language" on:change=on_language prop:value=move || language.get().as_str()>
                        {languages
                            .iter()
                            .map(|l| view! { <option value=l.as_str()>{l.label()}</option> })
                            .collect_view()}
                    </select>
                    <button type="button" class="secondary" on:click=on_reset>"Reset to starter"</button>
                </div>
                <label for="source" class="visually-hidden">"Source code"</label>
                // The editor module (editor/, CodeMirror) replaces this textarea when it loads and
                // keeps it in sync both ways; without it, the textarea is the editor (and the
                // form's field: its text is rendered in it for browsers without JavaScript).
                <textarea
                    id="source"
                    name="source"
                    class="code-editor"
                    spellcheck="false"
                    autocapitalize="off"
                    rows="16"
                    data-language=move || language.get().as_str()
                    prop:value=move || source.get()
                    on:input=move |ev| source.set(event_target_value(&ev))
                >
                    {crate::components::textarea_text::textarea_text(&initial)}
                </textarea>
                // The editor module mounts CodeMirror in here. On a second visit it is cached and
                // may run before the page has hydrated; hydration never walks into this element,
                // where a sibling the module added beside the textarea broke it (a panic).
                <div class="code-editor-mount"></div>
                <p class="editor-help" id="editor-help">
                    <kbd>"Ctrl"</kbd>"+"<kbd>"Enter"</kbd>" submits, "<kbd>"Ctrl"</kbd>"+"<kbd>"'"</kbd>
                    " runs the samples (⌘ on a Mac). "<kbd>"Tab"</kbd>" indents; press "<kbd>"Esc"</kbd>
                    " then "<kbd>"Tab"</kbd>" to move on."
                </p>
                <details class="custom-input">
                    <summary>"Custom input"</summary>
                    <label for="custom-input">"Input, in the problem's input format"</label>
                    <textarea
                        id="custom-input"
                        name="input"
                        class="custom-input-text"
                        rows="5"
                        spellcheck="false"
                        prop:value=move || custom_input.get()
                        on:input=move |ev| custom_input.set(event_target_value(&ev))
                    ></textarea>
                    <p class="muted small">
                        "Runs your code and the reference solution on it, under the limits a test gets; shows both outputs."
                    </p>
                    <button
                        type="submit"
                        name="kind"
                        value="custom"
                        class="secondary"
                        data-action="custom"
                        disabled=running
                        on:click=move |ev| send(ev, Kind::Custom)
                    >
                        "Run custom input"
                    </button>
                </details>
                <div class="row">
                    <button
                        type="submit"
                        name="kind"
                        value="samples"
                        class="secondary"
                        data-action="run"
                        disabled=running
                        on:click=move |ev| send(ev, Kind::Samples)
                    >
                        "Run samples"
                    </button>
                    <button
                        type="submit"
                        name="kind"
                        value="submit"
                        data-action="submit"
                        disabled=running
                        on:click=move |ev| send(ev, Kind::Submit)
                    >
                        "Submit"
                    </button>
                    <button
                        type="button"
                        class="secondary"
                        data-action="cancel"
                        hidden=move || !running() || sending()
                        disabled=move || cancel.pending().get()
                        on:click=on_cancel
                    >
                        "Cancel"
                    </button>
                    // Shown by the editor module (it does the switching); saved to the account here.
                    <span class="editor-options" hidden>
                        <label>
                            <input type="checkbox" name="vim" checked=keymap == Keymap::Vim on:change=save_keymap />
                            "Vim keys"
                        </label>
                    </span>
                    <span class="judge-status" role="status">
                        {move || status_line(sending(), progress.get())}
                    </span>
                    {action_error(submit.value())}
                    {action_error(custom.value())}
                    {move || cancel.value().get().and_then(|r| r.err()).map(|e| view! {
                        <p class="error" role="alert">{e.to_string()}</p>
                    })}
                </div>
            </form>
            {move || result.get().map(|html| view! { <div class="judge-result" inner_html=html></div> })}
            <HistoryPanel
                problem_id
                refresh=Signal::from(finished)
                on_restore=Callback::new(move |id| restore.run((id, true)))
            />
        </section>
    }
}

/// Which button sent the form.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Samples,
    Submit,
    Custom,
}

/// `?restore=<id>` (the "Restore into editor" link on a submission's page): load that code once
/// the page is live. The learner asked for it on purpose, so no question.
fn restore_from_query(restore: Callback<(i64, bool)>) {
    let query = leptos_router::hooks::use_query_map();
    Effect::new(move |_| {
        if let Some(id) = query.with_untracked(|q| q.get("restore")).and_then(|id| id.parse::<i64>().ok()) {
            restore.run((id, false));
        }
    });
}

/// Replacing written code (reset, restore) asks first.
fn confirm_replace(question: &str) -> bool {
    #[cfg(feature = "hydrate")]
    {
        web_sys::window().and_then(|w| w.confirm_with_message(question).ok()).unwrap_or(false)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = question;
        false
    }
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
fn follow(
    id: i64,
    progress: RwSignal<Option<ProgressEvent>>,
    result: RwSignal<Option<String>>,
    finished: RwSignal<u32>,
) {
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
            let finished_now = event.finished;
            progress.set(Some(event));
            if finished_now {
                stream.close();
                finished.update(|n| *n += 1);
                leptos::task::spawn_local(async move {
                    match crate::api::submission_html(id).await {
                        Ok(html) => result.set(Some(html)),
                        Err(e) => result.set(Some(crate::components::error_box::error_html(&e))),
                    }
                });
            }
        });
        source.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The closure lives as long as the page: the stream closes itself when the judge is done.
        on_message.forget();
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (id, progress, result, finished);
}
