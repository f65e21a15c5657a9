use clap::Parser;
use prep_server::{Application, Cli, Command, run_worker};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")))
        .init();
    match Cli::parse().command() {
        Command::Serve(config) => serve(config).await,
        Command::Worker(config) => {
            if let Err(e) = run_worker(config, shutdown_signal()).await {
                eprintln!("prep worker: cannot start: {e}");
                std::process::exit(1);
            }
        }
    }
}

async fn serve(config: prep_server::ServeConfig) {
    let app = match Application::build(config).await {
        Ok(app) => app,
        Err(e) => {
            eprintln!("prep: cannot start: {e}");
            std::process::exit(1);
        }
    };
    tracing::info!("serving on http://{}", app.addr());
    if let Err(e) = app.run_until(shutdown_signal()).await {
        eprintln!("prep: server error: {e}");
        std::process::exit(1);
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down");
}
