//! Builds the application from a [`Config`]: content, database, router, listener.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use app::server::{AppState, JudgeLink};
use leptos::prelude::LeptosOptions;
use tokio::net::TcpListener;

use crate::config::Config;
use crate::db;
use crate::error::StartupError;
use crate::judge_worker;
use crate::routes::{ServerState, router};

pub struct Application {
    listener: TcpListener,
    router: axum::Router,
    pub state: AppState,
}

impl Application {
    pub async fn build(config: Config) -> Result<Self, StartupError> {
        let started = Instant::now();
        let catalog = catalog::load(&config.content)?;
        tracing::info!(
            sections = catalog.sections.len(),
            lessons = catalog.lessons.len(),
            ms = started.elapsed().as_millis() as u64,
            "content loaded"
        );
        let pool = db::open(&config.database).await?;
        let listener = TcpListener::bind(config.addr)
            .await
            .map_err(|source| StartupError::Listen { addr: config.addr, source })?;
        let addr = listener.local_addr().map_err(|source| StartupError::Listen { addr: config.addr, source })?;
        let leptos_options = LeptosOptions::builder()
            .output_name("prep")
            .site_root(config.site.to_string_lossy().into_owned())
            .site_pkg_dir("pkg")
            .site_addr(addr)
            .build();
        let state = AppState {
            pool,
            catalog: Arc::new(catalog),
            throttle: Arc::default(),
            secure_cookies: config.secure_cookies,
            judge: JudgeLink::new(config.judge_workers > 0),
        };
        if config.judge_workers > 0 {
            judge_worker::start(state.clone(), &config);
        }
        let router = router(ServerState { leptos_options, app: state.clone() }, config.site.join("pkg"));
        Ok(Self { listener, router, state })
    }

    pub fn addr(&self) -> SocketAddr {
        // The listener is bound; an error here would mean the socket vanished under us.
        self.listener.local_addr().unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 0)))
    }

    /// Serves until `shutdown` resolves, then finishes in-flight requests and closes the pool.
    pub async fn run_until(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        let pool = self.state.pool.clone();
        let service = self.router.into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(self.listener, service).with_graceful_shutdown(shutdown).await?;
        pool.close().await;
        Ok(())
    }
}
