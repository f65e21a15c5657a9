//! A `<textarea>`'s initial text. Leptos writes a textarea's children into the server's HTML
//! without escaping them, so a saved answer or draft containing `</textarea><script>` would
//! close the box and run. On the server the text is escaped (the browser decodes it back to the
//! exact text); in the browser it is set as a text node, which needs no escaping, so hydration
//! sees the same text on both sides.

#[cfg(feature = "ssr")]
pub fn textarea_text(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(not(feature = "ssr"))]
pub fn textarea_text(text: &str) -> String {
    text.to_string()
}
