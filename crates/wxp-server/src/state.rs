//! What every handler shares.

use crate::config::Config;
use crate::live::Live;
use crate::store::Db;
use std::sync::Arc;
use tokio::sync::{watch, Notify};

/// The server's shared state: cheap to clone.
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub db: Db,
    /// The live-update broadcaster.
    pub live: Live,
    /// How the server was started.
    pub config: Arc<Config>,
    /// Wakes the transfer runner when a job is queued.
    pub jobs: Arc<Notify>,
    /// Turns true when the server stops: live-update streams end then, so
    /// that a graceful shutdown does not wait for open pages forever.
    pub stopping: watch::Receiver<bool>,
}

impl AppState {
    /// Resolves once the server is stopping.
    pub async fn stopped(&self) {
        let mut stopping = self.stopping.clone();
        let _ = stopping.wait_for(|stopping| *stopping).await;
    }
}
