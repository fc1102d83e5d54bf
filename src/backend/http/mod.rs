//! The HTTP backend: the same operations as JSON over HTTP (gloo-net).
//!
//! Endpoints mirror the [`Backend`] trait one to one under the API base; the
//! acting user travels in the `X-WXP-User` header, where a deployment would
//! put its bearer token. Access errors come back as `403`/`404` with an
//! [`AccessError`] as the JSON body, a refused transfer as `422` with a
//! [`SubmitError`], so pages show the same messages as with the mock.

use super::{Backend, BackendError, Reply};
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::sync::Arc;
use wxp_core::date::Date;
use wxp_core::engine::{
    Alert, AlertError, AlertId, AlertKind, CaseError, NewCase, Repair, SupportCase,
};
use wxp_core::engine::{
    DashboardError, EnrolOutcome, JobId, NewCustomer, SubmitError, TransferJob, TransferRequest,
};
use wxp_core::seed::DemoConfig;
use wxp_core::transfer_file::Place;
use wxp_core::{AccessError, CustomerId, SerialNumber, TenantId, UserId};

/// A backend reached over HTTP.
pub struct HttpBackend {
    base: String,
}

impl HttpBackend {
    /// A backend at `base`, e.g. `https://wxp.example/api`.
    pub fn new(base: impl Into<String>) -> HttpBackend {
        HttpBackend {
            base: base.into().trim_end_matches('/').to_owned(),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn get<T: DeserializeOwned + 'static>(&self, user: Option<UserId>, path: &str) -> Reply<T> {
        let request = with_user(Request::get(&self.url(path)), user);
        Box::pin(async move { read(request.send().await).await })
    }

    fn post<B: Serialize, T: DeserializeOwned + 'static>(
        &self,
        user: Option<UserId>,
        path: &str,
        body: &B,
    ) -> Reply<T> {
        let request = with_user(Request::post(&self.url(path)), user).json(body);
        Box::pin(async move {
            let request = request.map_err(|e| BackendError::Transport(e.to_string()))?;
            read(request.send().await).await
        })
    }
}

fn with_user(request: RequestBuilder, user: Option<UserId>) -> RequestBuilder {
    match user {
        Some(user) => request.header("X-WXP-User", &user.0),
        None => request,
    }
}

async fn read<T: DeserializeOwned>(
    response: Result<Response, gloo_net::Error>,
) -> Result<T, BackendError> {
    let response = response.map_err(|e| BackendError::Transport(e.to_string()))?;
    if response.ok() {
        return response
            .json()
            .await
            .map_err(|e| BackendError::Unreadable(e.to_string()));
    }
    let status = response.status();
    let body = response.text().await.unwrap_or_default();
    if status == 403 || status == 404 {
        if let Ok(access) = serde_json::from_str::<AccessError>(&body) {
            return Err(BackendError::Access(access));
        }
    }
    if status == 422 {
        if let Ok(refused) = serde_json::from_str::<SubmitError>(&body) {
            return Err(refused.into());
        }
        if let Ok(refused) = serde_json::from_str::<DashboardError>(&body) {
            return Err(refused.into());
        }
        if let Ok(refused) = serde_json::from_str::<AlertError>(&body) {
            return Err(refused.into());
        }
        if let Ok(refused) = serde_json::from_str::<CaseError>(&body) {
            return Err(refused.into());
        }
    }
    Err(BackendError::Server {
        status,
        message: body,
    })
}

fn tenant_path(tenant: &TenantId) -> String {
    match tenant {
        TenantId::Holding(partner) => format!("/partners/{partner}/unassigned-devices"),
        TenantId::Customer(customer) => format!("/customers/{customer}/devices"),
    }
}

impl Backend for HttpBackend {
    fn accounts(&self) -> Reply<Vec<wxp_core::engine::Account>> {
        self.get(None, "/accounts")
    }

    fn session(&self, user: UserId) -> Reply<wxp_core::engine::Session> {
        self.get(Some(user), "/session")
    }

    fn customers(&self, user: UserId) -> Reply<Vec<wxp_core::engine::CustomerSummary>> {
        self.get(Some(user), "/customers")
    }

    fn customer(&self, user: UserId, id: CustomerId) -> Reply<wxp_core::engine::CustomerSummary> {
        self.get(Some(user), &format!("/customers/{id}"))
    }

    fn portfolio(&self, user: UserId) -> Reply<wxp_core::engine::Portfolio> {
        self.get(Some(user), "/portfolio")
    }

    fn devices(&self, user: UserId, tenant: TenantId) -> Reply<Arc<Vec<wxp_core::Device>>> {
        let list: Reply<Vec<wxp_core::Device>> = self.get(Some(user), &tenant_path(&tenant));
        Box::pin(async move { list.await.map(Arc::new) })
    }

    fn set_insights_collection(
        &self,
        user: UserId,
        customer: CustomerId,
        enabled: bool,
    ) -> Reply<()> {
        self.post(
            Some(user),
            &format!("/customers/{customer}/settings/insights-collection"),
            &serde_json::json!({ "enabled": enabled }),
        )
    }

    fn locate(
        &self,
        user: UserId,
        serials: Vec<SerialNumber>,
    ) -> Reply<Vec<(SerialNumber, Place)>> {
        self.post(Some(user), "/devices/locate", &serials)
    }

    fn submit_transfer(&self, user: UserId, request: TransferRequest) -> Reply<JobId> {
        self.post(Some(user), "/transfers", &request)
    }

    fn transfers(&self, user: UserId) -> Reply<Vec<TransferJob>> {
        self.get(Some(user), "/transfers")
    }

    fn notifications(&self, user: UserId) -> Reply<Vec<TransferJob>> {
        self.get(Some(user), "/notifications")
    }

    fn mark_read(&self, user: UserId, job: JobId) -> Reply<()> {
        self.post(Some(user), &format!("/notifications/{job}/read"), &())
    }

    fn create_customer(&self, user: UserId, new: NewCustomer) -> Reply<CustomerId> {
        self.post(Some(user), "/customers", &new)
    }

    fn enrol(
        &self,
        user: UserId,
        customer: CustomerId,
        cpin: String,
        serials: Vec<String>,
    ) -> Reply<Vec<EnrolOutcome>> {
        self.post(
            Some(user),
            &format!("/customers/{customer}/enrolments"),
            &serde_json::json!({ "cpin": cpin, "serials": serials }),
        )
    }

    fn set_self_service_alerts(
        &self,
        user: UserId,
        customer: CustomerId,
        enabled: bool,
    ) -> Reply<()> {
        self.post(
            Some(user),
            &format!("/customers/{customer}/settings/self-service-alerts"),
            &serde_json::json!({ "enabled": enabled }),
        )
    }

    fn alerts(&self, user: UserId) -> Reply<Vec<Alert>> {
        self.get(Some(user), "/alerts")
    }

    fn simulate_alert(&self, user: UserId, serial: String, kind: AlertKind) -> Reply<AlertId> {
        self.post(
            Some(user),
            "/alerts",
            &serde_json::json!({ "serial": serial, "kind": kind }),
        )
    }

    fn request_repair(&self, user: UserId, alert: AlertId) -> Reply<Repair> {
        self.post(Some(user), &format!("/alerts/{alert}/repair-request"), &())
    }

    fn repair_requests(&self, user: UserId) -> Reply<Vec<Alert>> {
        self.get(Some(user), "/repair-requests")
    }

    fn schedule_repair(&self, user: UserId, alert: AlertId, on: Date) -> Reply<()> {
        self.post(
            Some(user),
            &format!("/repair-requests/{alert}/schedule"),
            &serde_json::json!({ "on": on }),
        )
    }

    fn open_case(&self, user: UserId, case: NewCase) -> Reply<u64> {
        self.post(Some(user), "/support-cases", &case)
    }

    fn cases(&self, user: UserId) -> Reply<Vec<SupportCase>> {
        self.get(Some(user), "/support-cases")
    }

    fn demo_config(&self) -> Reply<DemoConfig> {
        self.get(None, "/demo/config")
    }

    fn reset_demo(&self, config: DemoConfig) -> Reply<()> {
        self.post(None, "/demo/reset", &config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_built_from_the_base() {
        let b = HttpBackend::new("https://api.example/v1/");
        assert_eq!(b.url("/session"), "https://api.example/v1/session");
        let t = TenantId::Customer(CustomerId::from_bits(1));
        assert_eq!(tenant_path(&t), "/customers/CUS-00000001/devices");
    }
}
