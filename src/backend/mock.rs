//! The in-browser mock backend: the domain engine, persisted to local
//! storage after every change.

use super::{ready, Backend, BackendError, Reply};
use crate::browser;
use std::sync::{Arc, Mutex};
use wxp_core::seed::DemoConfig;
use wxp_core::{store, CustomerId, Engine, TenantId, UserId};

const KEY: &str = "wxp-portal/mock-state";

/// The mock backend. Works offline; its state survives reloads.
pub struct MockBackend {
    // A Mutex, not a RefCell, so the backend can live in Leptos context
    // (which wants Send + Sync); in wasm it is never contended.
    engine: Mutex<Engine>,
}

impl MockBackend {
    /// Opens the stored state, or the seed if there is none. When the stored
    /// state cannot be used it is replaced by the seed, and the returned
    /// notice says why.
    pub fn open() -> (MockBackend, Option<String>) {
        let (engine, notice) = match browser::storage_get(KEY) {
            None => (Engine::new(DemoConfig::default()), None),
            Some(json) => match store::restore(&json) {
                Ok(engine) => (engine, None),
                Err(err) => (
                    Engine::new(DemoConfig::default()),
                    Some(format!(
                        "Your saved demo data could not be loaded: {err}. It has been reset to the original demo data."
                    )),
                ),
            },
        };
        let mock = MockBackend::with_engine(engine);
        let notice = match (notice, mock.persist()) {
            (notice, Ok(())) => notice,
            (Some(notice), Err(_)) => Some(notice),
            (None, Err(err)) => Some(err.to_string()),
        };
        (mock, notice)
    }

    /// A mock over `engine`, e.g. for component tests.
    pub fn with_engine(engine: Engine) -> MockBackend {
        MockBackend {
            engine: Mutex::new(engine),
        }
    }

    fn read<T: 'static>(&self, f: impl FnOnce(&Engine) -> Result<T, BackendError>) -> Reply<T> {
        ready(f(&self.engine.lock().expect("single-threaded")))
    }

    fn write<T: 'static>(
        &self,
        f: impl FnOnce(&mut Engine) -> Result<T, BackendError>,
    ) -> Reply<T> {
        let result = f(&mut self.engine.lock().expect("single-threaded"));
        ready(result.and_then(|value| self.persist().map(|()| value)))
    }

    fn persist(&self) -> Result<(), BackendError> {
        let json = store::save(&self.engine.lock().expect("single-threaded"));
        browser::storage_set(KEY, &json).map_err(BackendError::Storage)
    }
}

impl Backend for MockBackend {
    fn accounts(&self) -> Reply<Vec<wxp_core::engine::Account>> {
        self.read(|e| Ok(e.accounts()))
    }

    fn session(&self, user: UserId) -> Reply<wxp_core::engine::Session> {
        self.read(|e| Ok(e.session(&user)?))
    }

    fn customers(&self, user: UserId) -> Reply<Vec<wxp_core::engine::CustomerSummary>> {
        self.read(|e| Ok(e.customers(&user)?))
    }

    fn customer(&self, user: UserId, id: CustomerId) -> Reply<wxp_core::engine::CustomerSummary> {
        self.read(|e| Ok(e.customer(&user, &id)?))
    }

    fn portfolio(&self, user: UserId) -> Reply<wxp_core::engine::Portfolio> {
        self.read(|e| Ok(e.portfolio(&user)?))
    }

    fn devices(&self, user: UserId, tenant: TenantId) -> Reply<Arc<Vec<wxp_core::Device>>> {
        self.read(|e| Ok(Arc::new(e.devices(&user, &tenant)?)))
    }

    fn set_insights_collection(
        &self,
        user: UserId,
        customer: CustomerId,
        enabled: bool,
    ) -> Reply<()> {
        self.write(|e| Ok(e.set_insights_collection(&user, &customer, enabled)?))
    }

    fn demo_config(&self) -> Reply<DemoConfig> {
        self.read(|e| Ok(e.config()))
    }

    fn reset_demo(&self, config: DemoConfig) -> Reply<()> {
        self.write(|e| {
            *e = Engine::new(config);
            Ok(())
        })
    }
}
