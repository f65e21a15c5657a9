//! What a learner typed comes back inside a `<textarea>` as text, never as markup: an answer
//! or a draft containing `</textarea>` must not close the box (an imported file could carry one).

mod common;

use common::{TestServer, first_lesson};
use store::Backend;

on_both_backends!(saved_text_cannot_close_its_textarea);

const HOSTILE: &str = "a < b && c\n</textarea><b id=\"injected\">x</b>";

async fn saved_text_cannot_close_its_textarea(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = s.client();
    c.sign_up("escaper", "long enough").await;
    let (lesson, question) = first_lesson(&mut c).await;
    assert_eq!(c.call("answer", &[("question_id", &question), ("answer", HOSTILE)]).await.status, 200);
    let page = c.get(&format!("/lessons/{lesson}")).await.body;
    assert!(!page.contains("<b id=\"injected\">"), "the answer closed its textarea");
    assert!(page.contains("a &lt; b &amp;&amp; c\n&lt;/textarea&gt;"), "escaped once, so the box shows the exact text");

    let r = c.call("save_draft", &[("problem_id", "lcs"), ("language", "rust"), ("source", HOSTILE)]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let page = c.get("/problems/lcs").await.body;
    assert!(!page.contains("<b id=\"injected\">"), "the draft closed its textarea");
    assert!(page.contains("&lt;/textarea&gt;"));
    s.stop().await;
}
