//! Prep's user interface: pages, components and the server functions they call.
//!
//! Compiled twice: with `ssr` into the server (rendering + server-function bodies) and with
//! `hydrate` into the browser bundle (the same components, made interactive).

#![recursion_limit = "256"]

pub mod api;
pub mod app;
mod components;
#[cfg(feature = "ssr")]
mod fragments;
mod pages;
#[cfg(feature = "ssr")]
pub mod ssr;

pub use app::{App, shell};

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
}
