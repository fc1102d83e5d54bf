//! How the server is started: from the command line and the environment.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// The server's settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where it listens (`127.0.0.1:$PORT`, 8080 by default).
    pub address: SocketAddr,
    /// `WXP_DATABASE_URL`, by default a SQLite file in `data/`.
    pub database_url: String,
    /// The built app (trunk's `dist/`), served on the same origin.
    pub app_dir: Option<PathBuf>,
    /// Demo mode: seeds an empty database with the demo data and offers the
    /// demo accounts and the reset.
    pub demo: bool,
    /// Sets the cookie's Secure flag: the portal is served over HTTPS
    /// (`WXP_PUBLIC_URL` starts with `https://`).
    pub secure_cookies: bool,
    /// `WXP_OPERATOR_TOKEN`: the bearer token of the operator's API calls.
    pub operator_token: Option<String>,
    /// How long a transfer shows as running before it is run, so that a
    /// person sees it (`WXP_TRANSFER_DELAY_MS`, 300 ms by default).
    pub transfer_delay: Duration,
    /// How often HP's analytics raise an alert on some PC
    /// (`WXP_ALERT_INTERVAL_MS`, 90 s by default; 0 stops them).
    pub alert_interval: Duration,
}

impl Config {
    /// Settings for a test: an ephemeral port on 127.0.0.1, a database at
    /// `database_url`, demo mode.
    pub fn for_test(database_url: String) -> Config {
        Config {
            address: SocketAddr::from(([127, 0, 0, 1], 0)),
            database_url,
            app_dir: None,
            demo: true,
            secure_cookies: false,
            operator_token: None,
            transfer_delay: Duration::ZERO,
            alert_interval: Duration::ZERO,
        }
    }
}
