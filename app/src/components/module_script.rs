//! Hand-written or bundled browser modules that only some pages need (the editor, the review
//! keys). The server-rendered `<script>` loads one on a full page load; after a client-side
//! navigation it is inserted by the DOM rather than parsed, and may not run, so it is also added
//! to `<head>` here. A module runs once per document however often it is added.

pub fn load_module(src: &'static str) {
    #[cfg(feature = "hydrate")]
    leptos::prelude::Effect::new(move |_| {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let selector = format!("head script[src=\"{src}\"]");
        if document.query_selector(&selector).ok().flatten().is_some() {
            return;
        }
        if let (Ok(script), Some(head)) = (document.create_element("script"), document.head()) {
            let _ = script.set_attribute("type", "module");
            let _ = script.set_attribute("src", src);
            let _ = head.append_child(&script);
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = src;
}
