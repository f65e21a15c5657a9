//! The workbench's memory of what the learner wrote, per language: their saved draft or the
//! starter to begin with, saved to their account a second after they stop typing and when they
//! leave the page (`save_draft`), so it follows them to another device.

use std::collections::HashMap;

use domain::Language;
use leptos::prelude::*;

/// How long typing must pause before the draft is saved.
#[cfg(feature = "hydrate")]
const SAVE_AFTER_PAUSE: std::time::Duration = std::time::Duration::from_millis(1000);

#[derive(Clone, Copy)]
pub struct Drafts {
    problem_id: StoredValue<String>,
    starters: StoredValue<Vec<(Language, String)>>,
    /// The editor's text per language (what switching back to a language shows).
    texts: StoredValue<HashMap<Language, String>>,
    /// What the server holds per language (a draft, or nothing: the starter).
    saved: StoredValue<HashMap<Language, String>>,
}

impl Drafts {
    pub fn new(problem_id: String, starters: Vec<(Language, String)>, drafts: Vec<(Language, String)>) -> Drafts {
        let mut texts: HashMap<Language, String> = starters.iter().cloned().collect();
        texts.extend(drafts);
        Drafts {
            problem_id: StoredValue::new(problem_id),
            starters: StoredValue::new(starters),
            saved: StoredValue::new(texts.clone()),
            texts: StoredValue::new(texts),
        }
    }

    /// The text to show for `lang`: what was last written in it, else the starter.
    pub fn text(&self, lang: Language) -> String {
        self.texts.with_value(|t| t.get(&lang).cloned()).unwrap_or_default()
    }

    pub fn starter(&self, lang: Language) -> String {
        self.starters.with_value(|s| s.iter().find(|(l, _)| *l == lang).map(|(_, c)| c.clone())).unwrap_or_default()
    }

    pub fn remember(&self, lang: Language, text: String) {
        self.texts.update_value(|t| {
            t.insert(lang, text);
        });
    }

    /// Back to the starter: the draft is deleted on the server too.
    pub fn reset(&self, lang: Language) -> String {
        let starter = self.starter(lang);
        self.remember(lang, starter.clone());
        self.saved.update_value(|s| {
            s.insert(lang, starter.clone());
        });
        let (problem_id, language) = (self.problem_id.get_value(), lang.to_string());
        leptos::task::spawn_local(async move {
            if let Err(e) = crate::api::reset_draft(problem_id, language).await {
                leptos::logging::warn!("resetting the draft failed: {e}");
            }
        });
        starter
    }

    /// Follows `source` (the text of `language`): saves it after a pause in typing, and whatever
    /// is unsaved when the learner leaves the page or the workbench goes away.
    pub fn autosave(self, language: RwSignal<Language>, source: RwSignal<String>) {
        #[cfg(feature = "hydrate")]
        {
            let pending = StoredValue::new(None::<leptos::prelude::TimeoutHandle>);
            Effect::new(move |first_run: Option<()>| {
                let text = source.get();
                if first_run.is_none() {
                    return;
                }
                let lang = language.get_untracked();
                self.remember(lang, text);
                if let Some(h) = pending.get_value() {
                    h.clear();
                }
                pending.set_value(set_timeout_with_handle(move || self.save(lang), SAVE_AFTER_PAUSE).ok());
            });
            let on_hide = window_event_listener(leptos::ev::pagehide, move |_| self.send_unsaved_on_leave());
            on_cleanup(move || {
                on_hide.remove();
                for lang in Language::ALL {
                    self.save(*lang);
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (language, source);
    }

    #[cfg(feature = "hydrate")]
    fn unsaved(&self, lang: Language) -> Option<String> {
        let text = self.text(lang);
        let saved = self.saved.with_value(|s| s.get(&lang).cloned()).unwrap_or_default();
        // A language the problem does not offer has neither: "" == "".
        (text != saved).then_some(text)
    }

    #[cfg(feature = "hydrate")]
    fn save(self, lang: Language) {
        let Some(text) = self.unsaved(lang) else { return };
        let problem_id = self.problem_id.get_value();
        leptos::task::spawn_local(async move {
            match crate::api::save_draft(problem_id, lang.to_string(), text.clone()).await {
                Ok(()) => self.saved.update_value(|s| {
                    s.insert(lang, text);
                }),
                Err(e) => leptos::logging::warn!("saving the draft failed: {e}"),
            }
        });
    }

    /// The page is going away: a beacon is the one request the browser still sends.
    #[cfg(feature = "hydrate")]
    fn send_unsaved_on_leave(&self) {
        let Some(window) = web_sys::window() else { return };
        for lang in Language::ALL {
            let Some(text) = self.unsaved(*lang) else { continue };
            let Ok(params) = web_sys::UrlSearchParams::new() else { return };
            params.append("problem_id", &self.problem_id.get_value());
            params.append("language", lang.as_str());
            params.append("source", &text);
            if window
                .navigator()
                .send_beacon_with_opt_url_search_params("/api/save_draft", Some(&params))
                .unwrap_or(false)
            {
                self.saved.update_value(|s| {
                    s.insert(*lang, text);
                });
            }
        }
    }
}
