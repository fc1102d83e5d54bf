//! The API client: the backend's operations as requests to the portal's
//! API (the same routes, JSON and errors whatever answers them), carried by
//! a [`Transport`]. This is the one place that knows which route each
//! operation uses.
//!
//! Error answers carry an [`ErrorBody`](wxp_core::api::ErrorBody), read by
//! [`answer`].

mod answer;
mod events;
mod fetch;
mod json_list;
mod transport;

pub use fetch::Fetch;
pub use transport::{Answer, Method, Transport};

use super::{Backend, BackendError, DemoBackend, Listener, Reply, Subscription};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::sync::Arc;
use wxp_core::api::{self, Located};
use wxp_core::date::Date;
use wxp_core::engine::{
    Account, Alert, AlertId, AlertKind, CustomerSummary, EnrolOutcome, JobId, NewCase, NewCustomer,
    Portfolio, Repair, Session, SupportCase, TransferJob, TransferRequest, TransferSummary,
};
use wxp_core::seed::DemoConfig;
use wxp_core::transfer_file::Place;
use wxp_core::{CustomerId, Device, SerialNumber, TenantId, UserId};

/// The backend, reached through its API.
#[derive(Clone)]
pub struct ApiClient {
    transport: Arc<dyn Transport>,
}

impl ApiClient {
    /// A client whose requests `transport` carries.
    pub fn new(transport: impl Transport + 'static) -> ApiClient {
        ApiClient {
            transport: Arc::new(transport),
        }
    }

    /// The backend's answer to a request with `body` as JSON (or none).
    fn request<B: Serialize + ?Sized>(
        &self,
        method: Method,
        path: &str,
        body: Option<&B>,
    ) -> Reply<Answer> {
        let body = match body.map(serde_json::to_string).transpose() {
            Ok(body) => body,
            Err(e) => return super::ready(Err(BackendError::Transport(e.to_string()))),
        };
        self.transport.send(method, path, body)
    }

    /// `GET path`, answered with JSON.
    fn get<T: DeserializeOwned + 'static>(&self, path: &str) -> Reply<T> {
        self.send(Method::Get, path, NONE)
    }

    /// A request answered with JSON.
    fn send<B: Serialize + ?Sized, T: DeserializeOwned + 'static>(
        &self,
        method: Method,
        path: &str,
        body: Option<&B>,
    ) -> Reply<T> {
        let answer = self.request(method, path, body);
        Box::pin(async move { answer::json(answer.await?) })
    }

    /// A request answered `204 No Content`.
    fn command<B: Serialize + ?Sized>(
        &self,
        method: Method,
        path: &str,
        body: Option<&B>,
    ) -> Reply<()> {
        let answer = self.request(method, path, body);
        Box::pin(async move { answer::empty(answer.await?) })
    }
}

/// No body.
const NONE: Option<&()> = None;

/// The path of a tenant's PCs.
fn tenant_path(tenant: &TenantId) -> String {
    match tenant {
        TenantId::Holding(partner) => format!("/partners/{partner}/unassigned-devices"),
        TenantId::Customer(customer) => format!("/customers/{customer}/devices"),
    }
}

/// `None` where the server says nobody is signed in.
fn signed_out_as_none<T: 'static>(reply: Reply<T>) -> Reply<Option<T>> {
    Box::pin(async move {
        match reply.await {
            Ok(value) => Ok(Some(value)),
            Err(BackendError::SignedOut) => Ok(None),
            Err(e) => Err(e),
        }
    })
}

impl Backend for ApiClient {
    fn session(&self) -> Reply<Option<Session>> {
        signed_out_as_none(self.get("/session"))
    }

    fn supports_passwords(&self) -> bool {
        self.transport.supports_passwords()
    }

    fn sign_in(&self, email: String, password: String) -> Reply<Session> {
        if !self.transport.supports_passwords() {
            return super::ready(Err(BackendError::NoPasswords));
        }
        self.send(
            Method::Post,
            "/session",
            Some(&api::SignIn { email, password }),
        )
    }

    fn sign_out(&self) -> Reply<()> {
        let reply = self.command(Method::Delete, "/session", NONE);
        Box::pin(async move {
            match reply.await {
                // Already ended (expired, or the demo data was reset).
                Err(BackendError::SignedOut) => Ok(()),
                other => other,
            }
        })
    }

    fn demo(&self) -> Option<&dyn DemoBackend> {
        // Whether the backend runs the demo shows in its answer to
        // `DemoBackend::accounts` (a server outside demo mode has no demo
        // routes).
        Some(self)
    }

    fn subscribe(&self, listener: Listener) -> Subscription {
        self.transport.subscribe(listener)
    }

    fn customers(&self) -> Reply<Vec<CustomerSummary>> {
        self.get("/customers")
    }

    fn customer(&self, id: CustomerId) -> Reply<CustomerSummary> {
        self.get(&format!("/customers/{id}"))
    }

    fn portfolio(&self) -> Reply<Portfolio> {
        self.get("/portfolio")
    }

    fn devices(&self, tenant: TenantId) -> Reply<Arc<Vec<Device>>> {
        let answer = self.request(Method::Get, &tenant_path(&tenant), NONE);
        Box::pin(async move { answer::json_list(answer.await?).await.map(Arc::new) })
    }

    fn set_insights_collection(&self, customer: CustomerId, enabled: bool) -> Reply<()> {
        self.command(
            Method::Put,
            &format!("/customers/{customer}/settings/insights-collection"),
            Some(&api::Switch { enabled }),
        )
    }

    fn locate(&self, serials: Vec<SerialNumber>) -> Reply<Vec<(SerialNumber, Place)>> {
        let groups: Reply<Vec<Located>> =
            self.send(Method::Post, "/devices/locate", Some(&serials));
        Box::pin(async move { groups.await.map(Located::pairs) })
    }

    fn submit_transfer(&self, request: TransferRequest) -> Reply<JobId> {
        self.send(Method::Post, "/transfers", Some(&request))
    }

    fn transfers(&self) -> Reply<Vec<TransferSummary>> {
        self.get("/transfers")
    }

    fn transfer(&self, job: JobId) -> Reply<TransferJob> {
        self.get(&format!("/transfers/{job}"))
    }

    fn notifications(&self) -> Reply<Vec<TransferSummary>> {
        self.get("/notifications")
    }

    fn mark_read(&self, job: JobId) -> Reply<()> {
        self.command(Method::Post, &format!("/notifications/{job}/read"), NONE)
    }

    fn create_customer(&self, new: NewCustomer) -> Reply<CustomerId> {
        self.send(Method::Post, "/customers", Some(&new))
    }

    fn enrol(
        &self,
        customer: CustomerId,
        cpin: String,
        serials: Vec<String>,
    ) -> Reply<Vec<EnrolOutcome>> {
        self.send(
            Method::Post,
            &format!("/customers/{customer}/enrolments"),
            Some(&api::Enrolment { cpin, serials }),
        )
    }

    fn set_self_service_alerts(&self, customer: CustomerId, enabled: bool) -> Reply<()> {
        self.command(
            Method::Put,
            &format!("/customers/{customer}/settings/self-service-alerts"),
            Some(&api::Switch { enabled }),
        )
    }

    fn alerts(&self) -> Reply<Vec<Alert>> {
        self.get("/alerts")
    }

    fn simulate_alert(&self, serial: String, kind: AlertKind) -> Reply<AlertId> {
        self.send(
            Method::Post,
            "/alerts",
            Some(&api::SimulateAlert { serial, kind }),
        )
    }

    fn request_repair(&self, alert: AlertId) -> Reply<Repair> {
        self.send(
            Method::Post,
            &format!("/alerts/{alert}/repair-request"),
            NONE,
        )
    }

    fn repair_requests(&self) -> Reply<Vec<Alert>> {
        self.get("/repair-requests")
    }

    fn schedule_repair(&self, alert: AlertId, on: Date) -> Reply<()> {
        self.command(
            Method::Post,
            &format!("/repair-requests/{alert}/schedule"),
            Some(&api::ScheduleRepair { on }),
        )
    }

    fn open_case(&self, case: NewCase) -> Reply<u64> {
        self.send(Method::Post, "/support-cases", Some(&case))
    }

    fn cases(&self) -> Reply<Vec<SupportCase>> {
        self.get("/support-cases")
    }
}

impl DemoBackend for ApiClient {
    fn accounts(&self) -> Reply<Option<Vec<Account>>> {
        let reply: Reply<Vec<Account>> = self.get("/demo/accounts");
        Box::pin(async move {
            match reply.await {
                Ok(accounts) => Ok(Some(accounts)),
                // Not in demo mode: the demo's routes are not there.
                Err(BackendError::NotFound(_)) => Ok(None),
                Err(e) => Err(e),
            }
        })
    }

    fn sign_in_demo(&self, user: UserId) -> Reply<Session> {
        self.send(
            Method::Post,
            "/demo/session",
            Some(&api::DemoSignIn { user }),
        )
    }

    fn demo_config(&self) -> Reply<DemoConfig> {
        self.get("/demo/config")
    }

    fn reset_demo(&self, config: DemoConfig) -> Reply<()> {
        self.command(Method::Post, "/demo/reset", Some(&config))
    }

    fn keeps_data_in_browser(&self) -> bool {
        self.transport.keeps_data_in_browser()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn tenants_have_their_paths() {
        let t = TenantId::Customer(CustomerId::from_bits(1));
        assert_eq!(tenant_path(&t), "/customers/CUS-00000001/devices");
        let t = TenantId::Holding(wxp_core::PartnerId("PRT-ALPINE".into()));
        assert_eq!(tenant_path(&t), "/partners/PRT-ALPINE/unassigned-devices");
    }
}
