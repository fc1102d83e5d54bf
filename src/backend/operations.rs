//! The product's operations, each a request to its route of the portal's
//! API (made with [`super::requests`]). The session's and the demo's
//! routes are the API client's (`client/mod.rs`).
//!
//! They are methods of `dyn Backend` itself, not of the trait: a trait
//! method would sit in every backend's vtable, which the app builds at
//! start, and so in the first wasm module. As they are, each is compiled
//! where a page calls it, and travels with the pages behind sign-in in
//! their own module (`crate::lazy_pages`).

use super::client::{answer, Method};
use super::requests::NONE;
use super::{Backend, Reply};
use std::sync::Arc;
use wxp_core::api::{self, Located};
use wxp_core::date::Date;
use wxp_core::engine::{
    Alert, AlertId, AlertKind, CustomerSummary, EnrolOutcome, JobId, NewCase, NewCustomer,
    Portfolio, Repair, SupportCase, TransferJob, TransferRequest, TransferSummary,
};
use wxp_core::transfer_file::Place;
use wxp_core::{CustomerId, Device, SerialNumber, TenantId};

/// The path of a tenant's PCs.
fn tenant_path(tenant: &TenantId) -> String {
    match tenant {
        TenantId::Holding(partner) => format!("/partners/{partner}/unassigned-devices"),
        TenantId::Customer(customer) => format!("/customers/{customer}/devices"),
    }
}

impl<'a> dyn Backend + 'a {
    /// The customers the user may see, by name.
    pub fn customers(&self) -> Reply<Vec<CustomerSummary>> {
        self.get("/customers")
    }

    /// One customer.
    pub fn customer(&self, id: CustomerId) -> Reply<CustomerSummary> {
        self.get(&format!("/customers/{id}"))
    }

    /// A partner's portfolio at a glance.
    pub fn portfolio(&self) -> Reply<Portfolio> {
        self.get("/portfolio")
    }

    /// The PCs of a tenant, decoded a slice at a time.
    pub fn devices(&self, tenant: TenantId) -> Reply<Arc<Vec<Device>>> {
        let answer = self.request(Method::Get, &tenant_path(&tenant), NONE);
        Box::pin(async move { answer::json_list(answer.await?).await.map(Arc::new) })
    }

    /// Turns a customer's HP Insights collection on or off.
    pub fn set_insights_collection(&self, customer: CustomerId, enabled: bool) -> Reply<()> {
        self.command(
            Method::Put,
            &format!("/customers/{customer}/settings/insights-collection"),
            Some(&api::Switch { enabled }),
        )
    }

    /// Where the user can see each of `serials` (those it can see at all).
    pub fn locate(&self, serials: Vec<SerialNumber>) -> Reply<Vec<(SerialNumber, Place)>> {
        let groups: Reply<Vec<Located>> =
            self.call(Method::Post, "/devices/locate", Some(&serials));
        Box::pin(async move { groups.await.map(Located::pairs) })
    }

    /// Queues a transfer; the same request key returns the same job.
    pub fn submit_transfer(&self, request: TransferRequest) -> Reply<JobId> {
        self.call(Method::Post, "/transfers", Some(&request))
    }

    /// The partner's transfer jobs, newest first, without their rows.
    pub fn transfers(&self) -> Reply<Vec<TransferSummary>> {
        self.get("/transfers")
    }

    /// One transfer job of the partner, with its rows and Summary.
    pub fn transfer(&self, job: JobId) -> Reply<TransferJob> {
        self.get(&format!("/transfers/{job}"))
    }

    /// The user's notifications (their completed transfers), newest first,
    /// without their rows.
    pub fn notifications(&self) -> Reply<Vec<TransferSummary>> {
        self.get("/notifications")
    }

    /// Marks a notification read.
    pub fn mark_read(&self, job: JobId) -> Reply<()> {
        self.command(Method::Post, &format!("/notifications/{job}/read"), NONE)
    }

    /// Creates a customer dashboard; returns its Customer ID.
    pub fn create_customer(&self, new: NewCustomer) -> Reply<CustomerId> {
        self.call(Method::Post, "/customers", Some(&new))
    }

    /// Enrols PCs into a dashboard with its cPIN; one outcome per serial.
    pub fn enrol(
        &self,
        customer: CustomerId,
        cpin: String,
        serials: Vec<String>,
    ) -> Reply<Vec<EnrolOutcome>> {
        self.call(
            Method::Post,
            &format!("/customers/{customer}/enrolments"),
            Some(&api::Enrolment { cpin, serials }),
        )
    }

    /// Turns a customer's self-service pop-up alerts on or off.
    pub fn set_self_service_alerts(&self, customer: CustomerId, enabled: bool) -> Reply<()> {
        self.command(
            Method::Put,
            &format!("/customers/{customer}/settings/self-service-alerts"),
            Some(&api::Switch { enabled }),
        )
    }

    /// The hardware alerts the user can see, newest first.
    pub fn alerts(&self) -> Reply<Vec<Alert>> {
        self.get("/alerts")
    }

    /// Raises an alert on a PC ("Simulate alert").
    pub fn simulate_alert(&self, serial: String, kind: AlertKind) -> Reply<AlertId> {
        self.call(
            Method::Post,
            "/alerts",
            Some(&api::SimulateAlert { serial, kind }),
        )
    }

    /// The end user's View on an alert pop-up: sends the repair request.
    pub fn request_repair(&self, alert: AlertId) -> Reply<Repair> {
        self.call(
            Method::Post,
            &format!("/alerts/{alert}/repair-request"),
            NONE,
        )
    }

    /// Repair requests in a Service Delivery partner's CSDP account.
    pub fn repair_requests(&self) -> Reply<Vec<Alert>> {
        self.get("/repair-requests")
    }

    /// The Service Delivery partner schedules a repair.
    pub fn schedule_repair(&self, alert: AlertId, on: Date) -> Reply<()> {
        self.command(
            Method::Post,
            &format!("/repair-requests/{alert}/schedule"),
            Some(&api::ScheduleRepair { on }),
        )
    }

    /// Opens a support case; returns its number.
    pub fn open_case(&self, case: NewCase) -> Reply<u64> {
        self.call(Method::Post, "/support-cases", Some(&case))
    }

    /// The user's support cases, newest first.
    pub fn cases(&self) -> Reply<Vec<SupportCase>> {
        self.get("/support-cases")
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
