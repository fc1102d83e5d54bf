//! What every handler shares.

use crate::config::Config;
use crate::live::Live;
use crate::store::Db;
use std::sync::Arc;
use tokio::sync::Notify;

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
}
