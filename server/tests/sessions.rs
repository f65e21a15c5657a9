//! Sessions over real HTTP on both backends: the token changes whenever who is behind it changes
//! (log-in, sign-up, a guest claiming the account), so a planted or overheard token is worth
//! nothing afterwards; log-out ends the session on the server, not only in the browser; and every
//! cookie the site sets is `Secure` exactly when the server runs with `--secure-cookies`.

mod common;

use common::{Client, TestServer, first_lesson, fresh_database};
use prep_server::ServeConfig;
use store::Backend;

on_both_backends!(
    logging_in_replaces_a_planted_guest_token,
    logging_in_again_replaces_the_token,
    signing_up_as_a_guest_replaces_the_guest_token,
    claiming_a_guest_account_replaces_the_token,
    logging_out_ends_the_session_on_the_server,
    cookies_are_secure_only_behind_the_flag,
);

/// Who the server says `token` belongs to: `null` for nobody, `{"username": null}` for a guest.
async fn who(s: &TestServer, token: &str) -> serde_json::Value {
    let mut c = s.client();
    c.session = Some(token.to_string());
    c.me().await
}

async fn guest(s: &TestServer) -> Client {
    let mut c = s.client();
    let r = c.call("guest", &[]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(c.session.is_some(), "a guest gets a session cookie");
    c
}

/// The fixation attack: an attacker starts a guest session and gets its token into the victim's
/// browser; the victim logs in. The attacker's token must not now open the victim's account, nor
/// anything else.
async fn logging_in_replaces_a_planted_guest_token(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut owner = s.client();
    owner.sign_up("ada", "correct horse").await;

    let mut victim = guest(&s).await;
    // With progress, the guest account outlives the log-in (it is offered for merging), so its
    // token would still open it if only the cookie changed.
    let (_, question) = first_lesson(&mut victim).await;
    let r = victim.call("answer", &[("question_id", &question), ("answer", "Work stealing.")]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let planted = victim.session.clone().unwrap();
    let r = victim.call("login", &[("username", "ada"), ("password", "correct horse")]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let fresh = victim.session.clone().expect("log-in sets a session cookie");
    assert_ne!(fresh, planted, "the token changes on log-in");
    assert_eq!(who(&s, &fresh).await["username"], "ada");
    assert!(who(&s, &planted).await.is_null(), "the planted token is dead: {}", who(&s, &planted).await);
    s.stop().await;
}

async fn logging_in_again_replaces_the_token(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = s.client();
    c.sign_up("ada", "correct horse").await;
    let before = c.session.clone().unwrap();
    let r = c.call("login", &[("username", "ada"), ("password", "correct horse")]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let after = c.session.clone().unwrap();
    assert_ne!(before, after);
    assert!(who(&s, &before).await.is_null(), "the session the log-in came with is over");
    assert_eq!(who(&s, &after).await["username"], "ada");
    s.stop().await;
}

async fn signing_up_as_a_guest_replaces_the_guest_token(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = guest(&s).await;
    let guest_token = c.session.clone().unwrap();
    let r = c.sign_up("grace", "correct horse").await;
    assert_eq!(r.status, 200, "{}", r.body);
    let named = c.session.clone().unwrap();
    assert_ne!(named, guest_token, "signing up sets a new token");
    assert_eq!(who(&s, &named).await["username"], "grace");
    assert!(who(&s, &guest_token).await.is_null(), "the guest token does not open the new account");
    s.stop().await;
}

async fn claiming_a_guest_account_replaces_the_token(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = guest(&s).await;
    let guest_token = c.session.clone().unwrap();
    let r = c.call("claim", &[("username", "linus"), ("password", "correct horse")]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let named = c.session.clone().unwrap();
    assert_ne!(named, guest_token, "claiming sets a new token");
    assert_eq!(who(&s, &named).await["username"], "linus");
    assert!(who(&s, &guest_token).await.is_null(), "the guest token does not open the claimed account");
    s.stop().await;
}

async fn logging_out_ends_the_session_on_the_server(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    let mut c = s.client();
    c.sign_up("ada", "correct horse").await;
    let token = c.session.clone().unwrap();
    let res = s
        .client()
        .http
        .post(s.url("/api/logout"))
        .header("cookie", format!("prep_session={token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let cleared = set_cookies(&res);
    assert!(cleared.iter().any(|c| c.starts_with("prep_session=;") && c.contains("Max-Age=0")), "{cleared:?}");
    // A client that ignores the cleared cookie (or a copy of it elsewhere) is logged out too.
    assert!(who(&s, &token).await.is_null());
    let mut stale = s.client();
    stale.session = Some(token);
    let r = stale.call("answer", &[("question_id", "q"), ("answer", "text")]).await;
    assert_eq!(r.status, 401, "{}", r.body);
    s.stop().await;
}

fn set_cookies(res: &reqwest::Response) -> Vec<String> {
    res.headers().get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_string()).collect()
}

/// Every cookie the site sets, by the flows that set them: the session (sign-up, log-in,
/// log-out), the theme, and an import's outcome shown on `/data`.
async fn every_cookie(s: &TestServer) -> Vec<String> {
    let c = s.client();
    let post = |path: &str| c.http.post(s.url(path));
    let mut all = Vec::new();
    let res = post("/api/signup").form(&[("username", "ada"), ("password", "correct horse")]).send().await.unwrap();
    all.extend(set_cookies(&res));
    let res = post("/api/login").form(&[("username", "ada"), ("password", "correct horse")]).send().await.unwrap();
    let cookies = set_cookies(&res);
    let token = cookies[0].strip_prefix("prep_session=").unwrap().split(';').next().unwrap().to_string();
    all.extend(cookies);
    let res = post("/api/theme").form(&[("theme", "dark")]).send().await.unwrap();
    all.extend(set_cookies(&res));
    let part = reqwest::multipart::Part::bytes(b"not an export".to_vec()).file_name("prep-export.json");
    let res = post("/api/import")
        .header("accept", "text/html")
        .header("cookie", format!("prep_session={token}"))
        .multipart(reqwest::multipart::Form::new().part("file", part))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    all.extend(set_cookies(&res));
    let res = post("/api/logout").header("cookie", format!("prep_session={token}")).send().await.unwrap();
    all.extend(set_cookies(&res));
    for name in ["prep_session=", "theme=", "prep_import="] {
        assert!(all.iter().any(|c| c.starts_with(name)), "no {name} cookie among {all:?}");
    }
    all
}

async fn cookies_are_secure_only_behind_the_flag(backend: Backend) {
    let (db, _dir) = fresh_database(backend).await;
    let mut config = ServeConfig::for_tests(db.clone());
    config.secure_cookies = true;
    let s = TestServer::start_with(config).await;
    for cookie in every_cookie(&s).await {
        assert!(cookie.split(';').any(|a| a.trim() == "Secure"), "not Secure with --secure-cookies: {cookie}");
        assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    }
    s.stop().await;

    let (db, _dir) = fresh_database(backend).await;
    let s = TestServer::start_with(ServeConfig::for_tests(db)).await;
    for cookie in every_cookie(&s).await {
        assert!(!cookie.contains("Secure"), "Secure without --secure-cookies (breaks plain http): {cookie}");
    }
    s.stop().await;
}
