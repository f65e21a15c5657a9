//! The login throttle over real HTTP on both backends: a lockout is kept in the database (it
//! survives a restart and holds on every web process), and it locks out the guessing address,
//! not the learner: the same account from another address still logs in.
//!
//! Other addresses are other loopback addresses: the clients bind 127.0.0.2 and up, which the
//! server sees as their source.

mod common;

use std::net::Ipv4Addr;

use common::{Client, TestServer, fresh_database};
use prep_server::ServeConfig;
use store::Backend;

on_both_backends!(
    a_lockout_survives_a_restart,
    a_lockout_holds_on_every_web_process,
    an_attacker_cannot_lock_the_learner_out,
    behind_a_proxy_the_forwarded_address_counts,
);

const VICTIM: &str = "victim";
const PASSWORD: &str = "right password";

async fn attempt(c: &mut Client, password: &str) -> u16 {
    attempt_via(c, None, password).await
}

/// A log-in attempt that says it was forwarded for `forwarded_for`.
async fn attempt_via(c: &mut Client, forwarded_for: Option<&str>, password: &str) -> u16 {
    let mut req = c.http.post(format!("{}/api/login", c.base)).form(&[("username", VICTIM), ("password", password)]);
    if let Some(f) = forwarded_for {
        req = req.header("x-forwarded-for", f);
    }
    let r = c.send(req).await;
    if r.status == 429 {
        assert!(r.body.contains("Throttled"), "{}", r.body);
    }
    r.status
}

/// Fails until this client's address is locked out.
async fn lock_out(c: &mut Client) {
    for i in 0..5 {
        assert_eq!(attempt(c, "wrong guess").await, 401, "failure {i} is only a failure");
    }
    assert_eq!(attempt(c, PASSWORD).await, 429, "after five failures even the right password waits");
}

async fn with_victim(s: &TestServer) {
    let mut c = s.client();
    assert_eq!(c.sign_up(VICTIM, PASSWORD).await.status, 200);
}

async fn a_lockout_survives_a_restart(backend: Backend) {
    let (db, _dir) = fresh_database(backend).await;
    let s = TestServer::start_with(ServeConfig::for_tests(db.clone())).await;
    with_victim(&s).await;
    lock_out(&mut s.client()).await;
    s.stop().await;

    let s = TestServer::start_with(ServeConfig::for_tests(db)).await;
    let mut attacker = s.client();
    // The first lockout lasts 2 s, which a restart on a busy machine may outlast; so the check
    // does not depend on how long the restart took. A server that remembers the five failures
    // refuses guesses until the lockout is over, then counts the next as the sixth, which locks
    // for 4 s at once: the right password right after it is refused. One that forgot them
    // counts that guess as the first and lets the right password in.
    let mut refused = 0;
    loop {
        match attempt(&mut attacker, "wrong again").await {
            429 if refused < 20 => refused += 1,
            401 => break,
            other => panic!("guess after {refused} refusals: {other}"),
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    assert_eq!(attempt(&mut attacker, PASSWORD).await, 429, "the restarted server forgot the failures");
    s.stop().await;
}

async fn a_lockout_holds_on_every_web_process(backend: Backend) {
    let (db, _dir) = fresh_database(backend).await;
    let one = TestServer::start_with(ServeConfig::for_tests(db.clone())).await;
    let two = TestServer::start_with(ServeConfig::for_tests(db)).await;
    with_victim(&one).await;
    lock_out(&mut one.client()).await;
    assert_eq!(attempt(&mut two.client(), PASSWORD).await, 429, "the other process let the guesser in");
    one.stop().await;
    two.stop().await;
}

async fn an_attacker_cannot_lock_the_learner_out(backend: Backend) {
    let s = TestServer::start_on(backend).await;
    with_victim(&s).await;
    let mut attacker = s.client();
    lock_out(&mut attacker).await;
    assert_eq!(attempt(&mut attacker, "wrong guess").await, 429);

    // The learner, at home: right in.
    let mut learner = s.client_from(Ipv4Addr::new(127, 0, 0, 2));
    assert_eq!(attempt(&mut learner, PASSWORD).await, 200, "the attacker locked the learner out");
    assert_eq!(learner.me().await["username"], VICTIM);

    // A typo at home counts against home only, and the right password still works after it.
    let mut typo = s.client_from(Ipv4Addr::new(127, 0, 0, 3));
    assert_eq!(attempt(&mut typo, "rihgt password").await, 401);
    assert_eq!(attempt(&mut typo, PASSWORD).await, 200);
    s.stop().await;
}

/// With `--trust-proxy` the proxy's `X-Forwarded-For` entry is the address; without it a client
/// cannot escape its lockout by claiming another address.
async fn behind_a_proxy_the_forwarded_address_counts(backend: Backend) {
    let (db, _dir) = fresh_database(backend).await;
    let mut config = ServeConfig::for_tests(db.clone());
    config.trust_proxy = true;
    let s = TestServer::start_with(config).await;
    with_victim(&s).await;
    let mut proxy = s.client();
    // The attacker's own claim comes first; the proxy appends what it saw.
    let attacker = Some("10.9.9.9, 203.0.113.5");
    for _ in 0..5 {
        assert_eq!(attempt_via(&mut proxy, attacker, "wrong guess").await, 401);
    }
    assert_eq!(attempt_via(&mut proxy, attacker, PASSWORD).await, 429);
    assert_eq!(attempt_via(&mut proxy, Some("203.0.113.5"), PASSWORD).await, 429, "the same client, however it claims");
    assert_eq!(
        attempt_via(&mut proxy, Some("198.51.100.7"), PASSWORD).await,
        200,
        "another client of the proxy gets in"
    );
    s.stop().await;

    // No proxy trusted: the header is the client's word and changes nothing.
    let s = TestServer::start_with(ServeConfig::for_tests(db)).await;
    let mut c = s.client();
    for _ in 0..5 {
        c.call("login", &[("username", VICTIM), ("password", "wrong guess")]).await;
    }
    assert_eq!(attempt_via(&mut c, Some("198.51.100.8"), PASSWORD).await, 429, "a forged header escaped the lockout");
    s.stop().await;
}
