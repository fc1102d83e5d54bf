//! Every URL of the portal, built in one place.
//!
//! The Customers drop-down's selection lives in the URL: `/all/...` is All
//! Customers, `/customers/<Customer ID>/...` one customer. A reload, the back
//! button and a shared link therefore keep it.

use wxp_core::CustomerId;

/// The sign-in page.
pub const SIGN_IN: &str = "/sign-in";
/// All Customers: the partner's Home.
pub const ALL_HOME: &str = "/all";
/// All Customers: the customers list.
pub const ALL_CUSTOMERS: &str = "/all/customers";
/// All Customers: the holding tenant.
pub const UNASSIGNED_DEVICES: &str = "/all/unassigned-devices";
/// Support cases.
pub const SUPPORT: &str = "/support";
/// All Customers: hardware alerts.
pub const ALERTS: &str = "/all/alerts";
/// All Customers: a Service Delivery partner's repair requests (CSDP).
pub const REPAIR_REQUESTS: &str = "/all/repair-requests";
/// All Customers: the transfer history.
pub const TRANSFERS: &str = "/all/transfers";

/// A page of a customer's dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CustomerPage {
    /// Home.
    Home,
    /// Devices > PCs.
    Pcs,
    /// Account (Overview tab).
    Account,
    /// Settings.
    Settings,
}

impl CustomerPage {
    fn suffix(self) -> &'static str {
        match self {
            CustomerPage::Home => "",
            CustomerPage::Pcs => "/devices/pcs",
            CustomerPage::Account => "/account",
            CustomerPage::Settings => "/settings",
        }
    }

    /// Which customer page a path shows, if any.
    pub fn of_path(path: &str) -> Option<CustomerPage> {
        let rest = path.strip_prefix("/customers/")?;
        let after_id = rest.find('/').map(|i| &rest[i..]).unwrap_or("");
        [Self::Pcs, Self::Account, Self::Settings, Self::Home]
            .into_iter()
            .find(|p| after_id.trim_end_matches('/') == p.suffix())
    }
}

/// The URL of a customer's page.
pub fn customer(id: &CustomerId, page: CustomerPage) -> String {
    format!("/customers/{id}{}", page.suffix())
}
