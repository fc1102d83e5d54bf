//! The HTTP backend: the portal server's JSON API (gloo-net), under the
//! API base the server puts in the page (`/api/v1`).
//!
//! The identity is the server's HttpOnly session cookie: the page and the
//! API share an origin, so every request carries it and the page never
//! sees it. Error answers carry an [`ErrorBody`](wxp_core::api::ErrorBody),
//! read by [`answer`]; live updates come from [`events`].

mod answer;
mod events;

use super::{Backend, BackendError, DemoBackend, Listener, Reply, Subscription};
use gloo_net::http::{Request, RequestBuilder};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::sync::Arc;
use web_sys::RequestCredentials;
use wxp_core::api::{self, Located};
use wxp_core::date::Date;
use wxp_core::engine::{
    Account, Alert, AlertId, AlertKind, CustomerSummary, EnrolOutcome, JobId, NewCase, NewCustomer,
    Portfolio, Repair, Session, SupportCase, TransferJob, TransferRequest,
};
use wxp_core::seed::DemoConfig;
use wxp_core::transfer_file::Place;
use wxp_core::{CustomerId, Device, SerialNumber, TenantId, UserId};

/// A backend reached over HTTP.
pub struct HttpBackend {
    base: String,
}

impl HttpBackend {
    /// A backend at `base`, e.g. `/api/v1`.
    pub fn new(base: impl Into<String>) -> HttpBackend {
        HttpBackend {
            base: base.into().trim_end_matches('/').to_owned(),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A request to `path` with `body` as JSON (or none), with the session
    /// cookie.
    fn build<B: Serialize + ?Sized>(
        &self,
        method: fn(&str) -> RequestBuilder,
        path: &str,
        body: Option<&B>,
    ) -> Result<Request, BackendError> {
        let builder = method(&self.url(path)).credentials(RequestCredentials::SameOrigin);
        match body {
            Some(body) => builder.json(body),
            None => builder.build(),
        }
        .map_err(|e| BackendError::Transport(e.to_string()))
    }

    /// `GET path`, answered with JSON.
    fn get<T: DeserializeOwned + 'static>(&self, path: &str) -> Reply<T> {
        self.send(Request::get, path, NONE)
    }

    /// A request answered with JSON.
    fn send<B: Serialize + ?Sized, T: DeserializeOwned + 'static>(
        &self,
        method: fn(&str) -> RequestBuilder,
        path: &str,
        body: Option<&B>,
    ) -> Reply<T> {
        let request = self.build(method, path, body);
        Box::pin(async move { answer::json(request?.send().await).await })
    }

    /// A request answered `204 No Content`.
    fn command<B: Serialize + ?Sized>(
        &self,
        method: fn(&str) -> RequestBuilder,
        path: &str,
        body: Option<&B>,
    ) -> Reply<()> {
        let request = self.build(method, path, body);
        Box::pin(async move { answer::empty(request?.send().await).await })
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

impl Backend for HttpBackend {
    fn session(&self) -> Reply<Option<Session>> {
        signed_out_as_none(self.get("/session"))
    }

    fn supports_passwords(&self) -> bool {
        true
    }

    fn sign_in(&self, email: String, password: String) -> Reply<Session> {
        self.send(
            Request::post,
            "/session",
            Some(&api::SignIn { email, password }),
        )
    }

    fn sign_out(&self) -> Reply<()> {
        let reply = self.command(Request::delete, "/session", NONE);
        Box::pin(async move {
            match reply.await {
                // Already ended (expired, or the demo data was reset).
                Err(BackendError::SignedOut) => Ok(()),
                other => other,
            }
        })
    }

    fn demo(&self) -> Option<&dyn DemoBackend> {
        // Whether the server runs the demo shows in its answer to
        // `DemoBackend::accounts`.
        Some(self)
    }

    fn subscribe(&self, listener: Listener) -> Subscription {
        events::subscribe(&self.url("/events"), listener)
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
        let list: Reply<Vec<Device>> = self.get(&tenant_path(&tenant));
        Box::pin(async move { list.await.map(Arc::new) })
    }

    fn set_insights_collection(&self, customer: CustomerId, enabled: bool) -> Reply<()> {
        self.command(
            Request::put,
            &format!("/customers/{customer}/settings/insights-collection"),
            Some(&api::Switch { enabled }),
        )
    }

    fn locate(&self, serials: Vec<SerialNumber>) -> Reply<Vec<(SerialNumber, Place)>> {
        let groups: Reply<Vec<Located>> =
            self.send(Request::post, "/devices/locate", Some(&serials));
        Box::pin(async move { groups.await.map(Located::pairs) })
    }

    fn submit_transfer(&self, request: TransferRequest) -> Reply<JobId> {
        self.send(Request::post, "/transfers", Some(&request))
    }

    fn transfers(&self) -> Reply<Vec<TransferJob>> {
        self.get("/transfers")
    }

    fn transfer(&self, job: JobId) -> Reply<TransferJob> {
        self.get(&format!("/transfers/{job}"))
    }

    fn notifications(&self) -> Reply<Vec<TransferJob>> {
        self.get("/notifications")
    }

    fn mark_read(&self, job: JobId) -> Reply<()> {
        self.command(Request::post, &format!("/notifications/{job}/read"), NONE)
    }

    fn create_customer(&self, new: NewCustomer) -> Reply<CustomerId> {
        self.send(Request::post, "/customers", Some(&new))
    }

    fn enrol(
        &self,
        customer: CustomerId,
        cpin: String,
        serials: Vec<String>,
    ) -> Reply<Vec<EnrolOutcome>> {
        self.send(
            Request::post,
            &format!("/customers/{customer}/enrolments"),
            Some(&api::Enrolment { cpin, serials }),
        )
    }

    fn set_self_service_alerts(&self, customer: CustomerId, enabled: bool) -> Reply<()> {
        self.command(
            Request::put,
            &format!("/customers/{customer}/settings/self-service-alerts"),
            Some(&api::Switch { enabled }),
        )
    }

    fn alerts(&self) -> Reply<Vec<Alert>> {
        self.get("/alerts")
    }

    fn simulate_alert(&self, serial: String, kind: AlertKind) -> Reply<AlertId> {
        self.send(
            Request::post,
            "/alerts",
            Some(&api::SimulateAlert { serial, kind }),
        )
    }

    fn request_repair(&self, alert: AlertId) -> Reply<Repair> {
        self.send(
            Request::post,
            &format!("/alerts/{alert}/repair-request"),
            NONE,
        )
    }

    fn repair_requests(&self) -> Reply<Vec<Alert>> {
        self.get("/repair-requests")
    }

    fn schedule_repair(&self, alert: AlertId, on: Date) -> Reply<()> {
        self.command(
            Request::post,
            &format!("/repair-requests/{alert}/schedule"),
            Some(&api::ScheduleRepair { on }),
        )
    }

    fn open_case(&self, case: NewCase) -> Reply<u64> {
        self.send(Request::post, "/support-cases", Some(&case))
    }

    fn cases(&self) -> Reply<Vec<SupportCase>> {
        self.get("/support-cases")
    }
}

impl DemoBackend for HttpBackend {
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
            Request::post,
            "/demo/session",
            Some(&api::DemoSignIn { user }),
        )
    }

    fn demo_config(&self) -> Reply<DemoConfig> {
        self.get("/demo/config")
    }

    fn reset_demo(&self, config: DemoConfig) -> Reply<()> {
        self.command(Request::post, "/demo/reset", Some(&config))
    }

    fn keeps_data_in_browser(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn paths_are_built_from_the_base() {
        let b = HttpBackend::new("/api/v1/");
        assert_eq!(b.url("/session"), "/api/v1/session");
        let t = TenantId::Customer(CustomerId::from_bits(1));
        assert_eq!(tenant_path(&t), "/customers/CUS-00000001/devices");
        let t = TenantId::Holding(wxp_core::PartnerId("PRT-ALPINE".into()));
        assert_eq!(tenant_path(&t), "/partners/PRT-ALPINE/unassigned-devices");
    }
}
