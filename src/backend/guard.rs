//! Every answer of the backend passes through [`SessionGuard`]: an answer
//! that says nobody is signed in ([`BackendError::SignedOut`]: the user
//! signed out in another tab, the demo data was reset, the session
//! expired) ends the page's session, whichever view asked.

use super::{Backend, BackendError, DemoBackend, Listener, Reply, Subscription};
use std::sync::Arc;
use wxp_core::date::Date;
use wxp_core::engine::{
    Alert, AlertId, AlertKind, CustomerSummary, EnrolOutcome, JobId, NewCase, NewCustomer,
    Portfolio, Repair, Session, SupportCase, TransferJob, TransferRequest, TransferSummary,
};
use wxp_core::transfer_file::Place;
use wxp_core::{CustomerId, Device, SerialNumber, TenantId};

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

    fn watch<T: 'static>(&self, reply: Reply<T>) -> Reply<T> {
        let ended = self.ended.clone();
        Box::pin(async move {
            let answer = reply.await;
            if matches!(answer, Err(BackendError::SignedOut)) {
                ended();
            }
            answer
        })
    }
}

/// Signed-out answers of a session's own operations are not a session that
/// ended elsewhere: `session` answers `None`, `sign_in` and `sign_out` say
/// what happened to the user's own request. Everything else is watched.
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
    fn customers(&self) -> Reply<Vec<CustomerSummary>> {
        self.watch(self.inner.customers())
    }
    fn customer(&self, id: CustomerId) -> Reply<CustomerSummary> {
        self.watch(self.inner.customer(id))
    }
    fn portfolio(&self) -> Reply<Portfolio> {
        self.watch(self.inner.portfolio())
    }
    fn devices(&self, tenant: TenantId) -> Reply<Arc<Vec<Device>>> {
        self.watch(self.inner.devices(tenant))
    }
    fn set_insights_collection(&self, customer: CustomerId, enabled: bool) -> Reply<()> {
        self.watch(self.inner.set_insights_collection(customer, enabled))
    }
    fn locate(&self, serials: Vec<SerialNumber>) -> Reply<Vec<(SerialNumber, Place)>> {
        self.watch(self.inner.locate(serials))
    }
    fn submit_transfer(&self, request: TransferRequest) -> Reply<JobId> {
        self.watch(self.inner.submit_transfer(request))
    }
    fn transfers(&self) -> Reply<Vec<TransferSummary>> {
        self.watch(self.inner.transfers())
    }
    fn transfer(&self, job: JobId) -> Reply<TransferJob> {
        self.watch(self.inner.transfer(job))
    }
    fn notifications(&self) -> Reply<Vec<TransferSummary>> {
        self.watch(self.inner.notifications())
    }
    fn mark_read(&self, job: JobId) -> Reply<()> {
        self.watch(self.inner.mark_read(job))
    }
    fn create_customer(&self, new: NewCustomer) -> Reply<CustomerId> {
        self.watch(self.inner.create_customer(new))
    }
    fn enrol(
        &self,
        customer: CustomerId,
        cpin: String,
        serials: Vec<String>,
    ) -> Reply<Vec<EnrolOutcome>> {
        self.watch(self.inner.enrol(customer, cpin, serials))
    }
    fn set_self_service_alerts(&self, customer: CustomerId, enabled: bool) -> Reply<()> {
        self.watch(self.inner.set_self_service_alerts(customer, enabled))
    }
    fn alerts(&self) -> Reply<Vec<Alert>> {
        self.watch(self.inner.alerts())
    }
    fn simulate_alert(&self, serial: String, kind: AlertKind) -> Reply<AlertId> {
        self.watch(self.inner.simulate_alert(serial, kind))
    }
    fn request_repair(&self, alert: AlertId) -> Reply<Repair> {
        self.watch(self.inner.request_repair(alert))
    }
    fn repair_requests(&self) -> Reply<Vec<Alert>> {
        self.watch(self.inner.repair_requests())
    }
    fn schedule_repair(&self, alert: AlertId, on: Date) -> Reply<()> {
        self.watch(self.inner.schedule_repair(alert, on))
    }
    fn open_case(&self, case: NewCase) -> Reply<u64> {
        self.watch(self.inner.open_case(case))
    }
    fn cases(&self) -> Reply<Vec<SupportCase>> {
        self.watch(self.inner.cases())
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
        let guard = SessionGuard::new(
            Arc::new(mock),
            Arc::new(move || {
                count.fetch_add(1, Ordering::SeqCst);
            }),
        );
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
