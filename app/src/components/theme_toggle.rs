use leptos::prelude::*;

use crate::api::fields::Theme;
use crate::api::{SetTheme, current_theme};

/// Cycles auto → dark → light. The choice is stored in a cookie by the server, so the next page
/// load renders it directly; without JavaScript the form posts and the page reloads.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let action = ServerAction::<SetTheme>::new();
    let initial = current_theme();
    let theme = move || match action.value().get() {
        Some(Ok(t)) => t,
        _ => initial,
    };
    Effect::new(move |_| {
        let t = theme();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", t.as_str());
        }
    });
    let label = move || match theme() {
        Theme::Auto => "Theme: auto",
        Theme::Dark => "Theme: dark",
        Theme::Light => "Theme: light",
    };
    view! {
        <ActionForm action=action attr:class="theme-toggle">
            <input type="hidden" name="theme" value=move || theme().next().as_str() />
            <button type="submit" title="Switch colour theme">{label}</button>
        </ActionForm>
    }
}
