//! The demo's own operations, apart from the product's: the demo accounts
//! with their one-click sign-in, and the demo data's size and reset.
//!
//! A backend offers them through [`Backend::demo`](super::Backend::demo);
//! the in-browser mock always does, a server only in demo mode.

use super::{Backend, Reply};
use wxp_core::engine::{Account, Session};
use wxp_core::seed::DemoConfig;
use wxp_core::UserId;

/// What a demo backend does besides the product's operations.
pub trait DemoBackend: Send + Sync {
    /// The demo accounts the sign-in page offers; `None` when the backend
    /// is not running the demo (a server outside demo mode).
    fn accounts(&self) -> Reply<Option<Vec<Account>>>;
    /// Signs in as a demo account, without a password.
    fn sign_in_demo(&self, user: UserId) -> Reply<Session>;
    /// The demo data's configuration.
    fn demo_config(&self) -> Reply<DemoConfig>;
    /// Restores the demo data to the seed of `config`; everyone is signed
    /// out.
    fn reset_demo(&self, config: DemoConfig) -> Reply<()>;
    /// Whether the demo data is kept in this browser (the in-browser
    /// backend) rather than in the server's database.
    fn keeps_data_in_browser(&self) -> bool;
}

/// The demo accounts `backend` offers, or `None` when it has no demo.
pub fn demo_accounts(backend: &dyn Backend) -> Reply<Option<Vec<Account>>> {
    match backend.demo() {
        Some(demo) => demo.accounts(),
        None => super::ready(Ok(None)),
    }
}
