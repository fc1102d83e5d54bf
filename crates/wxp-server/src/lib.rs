//! The WXP partner portal's server.
//!
//! It serves the portal's API (`/api/v1/…`, described at
//! `/api/openapi.json`) and the built app on one origin, keeps its state in
//! a SQL database (an embedded SQLite file by default), signs users in with
//! Argon2id-hashed passwords and HttpOnly session cookies, runs transfer
//! jobs in the background, and pushes live updates over Server-Sent Events.
//!
//! The domain's decisions come from `wxp_core::rules`, the same functions
//! the in-browser backend applies: the server gathers facts with SQL and
//! applies those decisions, one transaction per operation.

pub mod alerts_over_time;
pub mod auth;
pub mod cli;
pub mod clock;
pub mod config;
pub mod error;
pub mod ingest;
pub mod jobs;
pub mod live;
pub mod live_relay;
pub mod routes;
pub mod seed;
pub mod state;
pub mod static_files;
pub mod store;

use config::Config;
use state::AppState;
use std::sync::Arc;
use store::Db;
use tokio::net::TcpListener;

/// A server that is listening.
pub struct Running {
    /// The address it listens on.
    pub address: std::net::SocketAddr,
    /// Its state.
    pub state: AppState,
    listener: TcpListener,
    app: Option<axum::Router>,
    stop: tokio::sync::watch::Sender<bool>,
}

/// Opens the database (seeding it in demo mode when empty), prepares the
/// app, and binds the address.
pub async fn start(config: Config) -> Result<Running, Box<dyn std::error::Error + Send + Sync>> {
    let db = Db::open(&config.database_url).await?;
    if config.demo {
        let mut tx = db.write().await?;
        if seed::is_empty(&mut tx).await? {
            tracing::info!("seeding the empty database with the demo data");
            seed::insert(&mut tx, Default::default()).await?;
        }
        tx.commit().await?;
        db.after_bulk_load().await?;
    }
    let app = match &config.app_dir {
        Some(dir) => {
            let dir = dir.clone();
            tokio::task::spawn_blocking({
                let dir = dir.clone();
                move || static_files::precompress(&dir)
            })
            .await??;
            Some(static_files::router(&dir)?)
        }
        None => None,
    };
    let listener = TcpListener::bind(config.address).await?;
    let (stop, stopping) = tokio::sync::watch::channel(false);
    let state = AppState {
        db,
        live: Default::default(),
        config: Arc::new(config),
        jobs: Default::default(),
        stopping,
    };
    Ok(Running {
        address: listener.local_addr()?,
        state,
        listener,
        app,
        stop,
    })
}

impl Running {
    /// Serves until `shutdown` resolves, running transfer jobs and alerts
    /// over time beside it.
    pub async fn serve(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let runner = tokio::spawn(jobs::run(self.state.clone()));
        let alerts = tokio::spawn(alerts_over_time::run(self.state.clone()));
        let relay = tokio::spawn(live_relay::run(self.state.clone()));
        let router = routes::router(self.state.clone(), self.app);
        let stop = self.stop;
        let served = axum::serve(self.listener, router)
            .with_graceful_shutdown(async move {
                shutdown.await;
                let _ = stop.send(true);
            })
            .await;
        runner.abort();
        alerts.abort();
        relay.abort();
        self.state.db.close().await;
        served
    }
}
