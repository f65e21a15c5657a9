//! Content HTML — a lesson's body, its question prompts and model answers, its demo panels — is
//! the same for every reader and is already in the server-rendered DOM. Hydration never writes
//! an `inner_html` it finds there, so the page's hydration data can leave that HTML out: on a
//! lesson page it was more than half of the bytes and most of the time spent rendering.
//!
//! Server functions still send it in full: a client-side navigation renders it from their answer.

use std::cell::Cell;

use leptos::server::codee::{Decoder, Encoder};
use serde::de::DeserializeOwned;
use serde::{Serialize, Serializer};

thread_local! {
    /// Set while [`WithoutContentHtml`] encodes a value for the hydration data.
    static LEAVE_OUT: Cell<bool> = const { Cell::new(false) };
}

/// `serialize_with` for content HTML fields: the HTML, or `""` inside the hydration data.
pub fn serialize<S: Serializer>(html: &str, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(if LEAVE_OUT.with(Cell::get) { "" } else { html })
}

/// The codec of a resource whose content HTML the browser takes from the server-rendered DOM.
pub struct WithoutContentHtml;

impl<T: Serialize> Encoder<T> for WithoutContentHtml {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(value: &T) -> Result<String, serde_json::Error> {
        struct Reset;
        impl Drop for Reset {
            fn drop(&mut self) {
                LEAVE_OUT.with(|flag| flag.set(false));
            }
        }
        LEAVE_OUT.with(|flag| flag.set(true));
        let _reset = Reset;
        serde_json::to_string(value)
    }
}

impl<T: DeserializeOwned> Decoder<T> for WithoutContentHtml {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(encoded: &str) -> Result<T, serde_json::Error> {
        serde_json::from_str(encoded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize, serde::Deserialize, Debug, PartialEq)]
    struct Page {
        title: String,
        #[serde(serialize_with = "serialize")]
        body: String,
    }

    #[test]
    fn hydration_data_leaves_content_html_out_and_server_answers_keep_it() {
        let page = Page { title: "T".into(), body: "<p>long</p>".into() };
        let hydration = WithoutContentHtml::encode(&page).unwrap();
        assert_eq!(hydration, r#"{"title":"T","body":""}"#);
        let back: Page = WithoutContentHtml::decode(&hydration).unwrap();
        assert_eq!(back, Page { title: "T".into(), body: String::new() });
        // After encoding, ordinary serialisation (a server function's answer) is whole again.
        assert_eq!(serde_json::to_string(&page).unwrap(), r#"{"title":"T","body":"<p>long</p>"}"#);
    }
}
