//! Starts the real server on port 0 with a fresh database (a SQLite file, or a new database on
//! the test Postgres cluster), and talks to it over HTTP.

#![allow(dead_code)]

pub mod endpoints;

use std::net::SocketAddr;

use prep_server::{Application, ServeConfig};
use serde_json::Value;
use store::{Backend, DatabaseUrl};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub struct TestServer {
    pub addr: SocketAddr,
    pub db: DatabaseUrl,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
    _dir: Option<tempfile::TempDir>,
}

impl TestServer {
    /// On SQLite.
    pub async fn start() -> Self {
        Self::start_on(Backend::Sqlite).await
    }

    pub async fn start_on(backend: Backend) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let db = store::testing::fresh_database(backend, dir.path()).await;
        let mut s = Self::start_with(ServeConfig::for_tests(db)).await;
        s._dir = Some(dir);
        s
    }

    pub async fn start_with(config: ServeConfig) -> Self {
        let db = config.database.url.clone();
        let app = Application::build(config).await.unwrap_or_else(|e| panic!("server did not start: {e}"));
        let addr = app.addr();
        let (tx, rx) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            app.run_until(async {
                let _ = rx.await;
            })
            .await
            .unwrap();
        });
        Self { addr, db, stop: Some(tx), task: Some(task), _dir: None }
    }

    /// Stops the server and waits until it has closed the database; returns the temp dir so
    /// the database outlives this server.
    pub async fn stop(mut self) -> Option<tempfile::TempDir> {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            task.await.unwrap();
        }
        self._dir.take()
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub fn client(&self) -> Client {
        Client {
            base: self.url(""),
            http: reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap(),
            session: None,
        }
    }

    /// A client whose connections come from `ip`, a loopback address other than 127.0.0.1
    /// (all of 127.0.0.0/8 reaches this host on Linux): the server sees another learner's
    /// machine.
    pub fn client_from(&self, ip: std::net::Ipv4Addr) -> Client {
        Client {
            base: self.url(""),
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .local_address(std::net::IpAddr::V4(ip))
                .build()
                .unwrap(),
            session: None,
        }
    }
}

/// An HTTP client that keeps the session cookie by hand, so tests can carry it across restarts.
pub struct Client {
    pub base: String,
    pub http: reqwest::Client,
    pub session: Option<String>,
}

pub struct Reply {
    pub status: u16,
    pub body: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

impl Client {
    pub async fn get(&self, path: &str) -> Reply {
        let mut req = self.http.get(format!("{}{}", self.base, path));
        if let Some(s) = &self.session {
            req = req.header("cookie", format!("prep_session={s}"));
        }
        let res = req.send().await.unwrap();
        Reply { status: res.status().as_u16(), body: res.text().await.unwrap() }
    }

    /// Calls a server function, form-encoded, the way the browser's forms do.
    pub async fn call(&mut self, endpoint: &str, form: &[(&str, &str)]) -> Reply {
        let req = self.http.post(format!("{}/api/{endpoint}", self.base)).form(form);
        self.send(req).await
    }

    pub async fn send(&mut self, mut req: reqwest::RequestBuilder) -> Reply {
        if let Some(s) = &self.session {
            req = req.header("cookie", format!("prep_session={s}"));
        }
        let res = req.send().await.unwrap();
        for v in res.headers().get_all("set-cookie") {
            let v = v.to_str().unwrap();
            if let Some(rest) = v.strip_prefix("prep_session=") {
                let token = rest.split(';').next().unwrap().to_string();
                self.session = if token.is_empty() { None } else { Some(token) };
            }
        }
        Reply { status: res.status().as_u16(), body: res.text().await.unwrap() }
    }

    pub async fn sign_up(&mut self, user: &str, password: &str) -> Reply {
        self.call("signup", &[("username", user), ("password", password)]).await
    }

    pub async fn me(&mut self) -> Value {
        let r = self.call("me", &[]).await;
        assert_eq!(r.status, 200, "{}", r.body);
        r.json()
    }
}

/// The first lesson and its first question, from the real content.
pub async fn first_lesson(c: &mut Client) -> (String, String) {
    let outline = c.call("outline", &[]).await.json();
    for section in outline["sections"].as_array().unwrap() {
        for lesson in section["lessons"].as_array().unwrap() {
            let id = lesson["id"].as_str().unwrap().to_string();
            let view = c.call("lesson", &[("id", &id)]).await.json();
            if let Some(q) = view["questions"].as_array().and_then(|q| q.first()) {
                return (id, q["id"].as_str().unwrap().to_string());
            }
        }
    }
    panic!("the course has no lesson with a question");
}

/// A fresh database for a test that starts its own servers.
pub async fn fresh_database(backend: Backend) -> (DatabaseUrl, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    (store::testing::fresh_database(backend, dir.path()).await, dir)
}

/// Runs each listed `async fn name(backend: Backend)` as two tests, `sqlite::name` and
/// `postgres::name`. The Postgres one is skipped (with a note) when no test cluster is up,
/// unless CI requires it.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test] async fn $name() { super::$name(store::Backend::Sqlite).await })*
        }
        mod postgres {
            $(#[tokio::test] async fn $name() {
                if store::testing::postgres_cluster().is_some() {
                    super::$name(store::Backend::Postgres).await
                }
            })*
        }
    };
}
