//! Every answer of the backend passes through [`SessionGuard`]: an answer
//! that says nobody is signed in ([`BackendError::SignedOut`]: the user
//! signed out in another tab, the demo data was reset, the session
//! expired) ends the page's session, whichever view asked.

use super::{Answer, Backend, BackendError, DemoBackend, Listener, Method, Reply, Subscription};
use std::sync::Arc;
use wxp_core::engine::Session;

/// What to do when an answer says the session has ended.
pub type SessionEnded = Arc<dyn Fn() + Send + Sync>;

/// A backend whose signed-out answers call [`SessionEnded`], then reach
/// the caller as they are.
pub struct SessionGuard {
    inner: Arc<dyn Backend>,
    ended: SessionEnded,
}

impl SessionGuard {
    /// Watches the answers of `inner`.
    pub fn new(inner: Arc<dyn Backend>, ended: SessionEnded) -> SessionGuard {
        SessionGuard { inner, ended }
    }
}

/// Whether `answer` says that nobody is signed in.
fn signed_out(answer: &Result<Answer, BackendError>) -> bool {
    match answer {
        Ok(Answer { status: 401, body }) => {
            BackendError::from_answer(401, body) == BackendError::SignedOut
        }
        Ok(_) => false,
        Err(e) => *e == BackendError::SignedOut,
    }
}

/// Signed-out answers of a session's own operations are not a session that
/// ended elsewhere: `session` answers `None`, `sign_in` and `sign_out` say
/// what happened to the user's own request, and the demo's operations work
/// signed out. Every request of the product is watched.
impl Backend for SessionGuard {
    fn session(&self) -> Reply<Option<Session>> {
        self.inner.session()
    }
    fn supports_passwords(&self) -> bool {
        self.inner.supports_passwords()
    }
    fn sign_in(&self, email: String, password: String) -> Reply<Session> {
        self.inner.sign_in(email, password)
    }
    fn sign_out(&self) -> Reply<()> {
        self.inner.sign_out()
    }
    fn demo(&self) -> Option<&dyn DemoBackend> {
        self.inner.demo()
    }
    fn subscribe(&self, listener: Listener) -> Subscription {
        self.inner.subscribe(listener)
    }
    fn send(&self, method: Method, path: &str, body: Option<String>) -> Reply<Answer> {
        let answer = self.inner.send(method, path, body);
        let ended = self.ended.clone();
        Box::pin(async move {
            let answer = answer.await;
            if signed_out(&answer) {
                ended();
            }
            answer
        })
    }
}

// The in-browser backend runs in a browser only.
#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use crate::backend::{ApiClient, InBrowser};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use wasm_bindgen_test::wasm_bindgen_test;
    use wxp_core::seed::DemoConfig;
    use wxp_core::Engine;

    #[wasm_bindgen_test]
    async fn a_signed_out_answer_ends_the_session_once_per_answer() {
        let mock = ApiClient::new(InBrowser::with_engine(Engine::new(DemoConfig::default())));
        mock.sign_out().await.unwrap();
        let ended = Arc::new(AtomicUsize::new(0));
        let count = ended.clone();
        let guard: Arc<dyn Backend> = Arc::new(SessionGuard::new(
            Arc::new(mock),
            Arc::new(move || {
                count.fetch_add(1, Ordering::SeqCst);
            }),
        ));
        // Asking who is signed in is not an ended session.
        assert_eq!(guard.session().await, Ok(None));
        assert_eq!(ended.load(Ordering::SeqCst), 0);
        // A read that needs a session is, and still answers the error.
        assert_eq!(
            guard.portfolio().await.map(|_| ()),
            Err(BackendError::SignedOut)
        );
        assert_eq!(ended.load(Ordering::SeqCst), 1);
    }
}
