//! Builds the application from a [`ServeConfig`]: content, database, judge workers, router,
//! listener. And the worker process, from a [`WorkerConfig`].

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use app::ssr::AppState;
use demos::{DemoRunner, RunnerConfig, Toolchain};
use leptos::prelude::LeptosOptions;
use store::{Backend, Store};
use tokio::net::TcpListener;

use crate::client_address;
use crate::config::{ServeConfig, WorkerConfig};
use crate::error::StartupError;
use crate::page_cache::{self, PageCache};
use crate::routes::{ServerState, router};
use crate::worker::Workers;

pub struct Application {
    listener: TcpListener,
    router: axum::Router,
    workers: Option<Workers>,
    pub state: AppState,
}

impl Application {
    pub async fn build(config: ServeConfig) -> Result<Self, StartupError> {
        let started = Instant::now();
        let catalog = catalog::load(&config.content)?;
        tracing::info!(
            sections = catalog.sections.len(),
            lessons = catalog.lessons.len(),
            ms = started.elapsed().as_millis() as u64,
            "content loaded"
        );
        let search = build_search_index(&catalog).await?;
        let url = &config.database.url;
        if config.external_workers && url.backend() == Backend::Sqlite {
            return Err(StartupError::ExternalWorkersNeedPostgres);
        }
        let store = open_store(url).await?;
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
            store: store.clone(),
            catalog: Arc::new(catalog),
            search: Arc::new(search),
            secure_cookies: config.secure_cookies,
            accepts_submissions: config.judge_workers > 0 || config.external_workers,
        };
        let workers = (config.judge_workers > 0)
            .then(|| Workers::start(store, &config.judge, &config.content, config.judge_workers));
        let demos = start_demo_runner(&config, &state.catalog)?;
        let pages = Arc::new(PageCache::default());
        page_cache::follow_changes(pages.clone(), state.store.clone());
        let router = router(ServerState { leptos_options, app: state.clone(), demos, pages }, config.site.join("pkg"));
        let router = client_address::layer(router, config.trust_proxy);
        Ok(Self { listener, router, workers, state })
    }

    pub fn addr(&self) -> SocketAddr {
        // The listener is bound; an error here would mean the socket vanished under us.
        self.listener.local_addr().unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 0)))
    }

    /// Serves until `shutdown` resolves, then finishes in-flight requests, gives unfinished
    /// submissions back to the queue and closes the database.
    pub async fn run_until(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        let store = self.state.store.clone();
        let service = self.router.into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(self.listener, service).with_graceful_shutdown(shutdown).await?;
        if let Some(workers) = &self.workers {
            workers.stop();
        }
        store.close().await;
        Ok(())
    }
}

/// The demo runner over the catalog's demos; builds them all in the background.
fn start_demo_runner(config: &ServeConfig, catalog: &catalog::Catalog) -> Result<Arc<DemoRunner>, StartupError> {
    let cache = &config.demos.demo_cache;
    let fail = |source| StartupError::DemoCache { path: cache.clone(), source };
    std::fs::create_dir_all(cache).map_err(fail)?;
    // Absolute: demos run with a working directory of their own.
    let toolchain = Toolchain {
        go_root: std::path::absolute(&config.judge.go_root).map_err(fail)?,
        cache_dir: std::path::absolute(cache).map_err(fail)?,
    };
    let demos_dir = config.content.join("demos");
    let mut demos: Vec<_> = catalog.demos.values().map(|d| (demos_dir.join(d.id.as_str()), d.spec.clone())).collect();
    demos.sort_by(|a, b| a.1.id.cmp(&b.1.id));
    let runner = DemoRunner::new(demos, RunnerConfig { toolchain, slots: config.demos.slots() });
    tracing::info!(demos = catalog.demos.len(), slots = config.demos.slots(), "demo runner ready; building demos");
    runner.build_in_background();
    Ok(runner)
}

/// The search index over the course: in memory, rebuilt on every start.
async fn build_search_index(catalog: &catalog::Catalog) -> Result<store::SearchIndex, StartupError> {
    let started = Instant::now();
    let index = store::SearchIndex::build(&catalog.search_documents()).await.map_err(StartupError::SearchIndex)?;
    tracing::info!(documents = index.len(), ms = started.elapsed().as_millis() as u64, "search index built");
    Ok(index)
}

async fn open_store(url: &store::DatabaseUrl) -> Result<Store, StartupError> {
    let store = Store::open(url).await?;
    // Expired sessions are refused by every lookup; deleting them at start keeps the table small.
    match store.purge_expired_sessions().await {
        Ok(0) => {}
        Ok(n) => tracing::info!(count = n, "deleted expired sessions"),
        Err(e) => tracing::warn!(error = %e, "could not delete expired sessions"),
    }
    tracing::info!(database = %url, "database open");
    Ok(store)
}

/// `prep worker`: judge workers and nothing else, until `shutdown` resolves.
pub async fn run_worker(config: WorkerConfig, shutdown: impl Future<Output = ()>) -> Result<(), StartupError> {
    let url = &config.database.url;
    if url.backend() == Backend::Sqlite {
        return Err(StartupError::WorkerNeedsPostgres);
    }
    let store = open_store(url).await?;
    let workers = Workers::start(store.clone(), &config.judge, &config.content, config.workers.max(1));
    tracing::info!(workers = config.workers.max(1), "judging");
    shutdown.await;
    workers.stop();
    // Let the workers give back what they hold before the pool closes.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    store.close().await;
    Ok(())
}
