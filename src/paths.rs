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

/// The sign-in page's parameter naming the page to go to once signed in.
pub const NEXT: &str = "next";

/// The sign-in page, with `wanted` (a path of the portal, with its query)
/// to go to once signed in, e.g. `/sign-in?next=/customers/CUS-…/devices/pcs`.
pub fn sign_in_then(wanted: &str) -> String {
    match wanted_path(wanted) {
        Some(path) => format!("{SIGN_IN}?{NEXT}={}", query_value(path)),
        None => SIGN_IN.to_owned(),
    }
}

/// `next` if it is a page of this portal to go to after signing in: a
/// path on this origin (one `/`, not `//host` or `/\host`, which browsers
/// take for another site), and not the sign-in page itself.
pub fn wanted_path(next: &str) -> Option<&str> {
    let rest = next.strip_prefix('/')?;
    let elsewhere = rest.starts_with('/')
        || next.contains('\\')
        || next.chars().any(char::is_control)
        || next == SIGN_IN
        || next.starts_with(&format!("{SIGN_IN}?"))
        || next.starts_with(&format!("{SIGN_IN}/"));
    (!elsewhere).then_some(next)
}

/// `text` as a query value: `/` kept for readable addresses, `&`, `#`,
/// `+`, `%`, spaces and non-ASCII characters escaped.
fn query_value(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' | b':' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn the_wanted_page_rides_along_to_sign_in() {
        assert_eq!(
            sign_in_then("/customers/CUS-0000C0A7/devices/pcs"),
            "/sign-in?next=/customers/CUS-0000C0A7/devices/pcs"
        );
        assert_eq!(
            sign_in_then("/support?subject=Fan noise&serials=5CG1"),
            "/sign-in?next=/support%3Fsubject%3DFan%20noise%26serials%3D5CG1"
        );
        assert_eq!(sign_in_then("/sign-in"), "/sign-in");
    }

    #[test]
    fn only_pages_of_this_portal_are_wanted() {
        assert_eq!(wanted_path("/all/transfers"), Some("/all/transfers"));
        assert_eq!(wanted_path("/"), Some("/"));
        for elsewhere in [
            "https://evil.example/",
            "//evil.example/all",
            "/\\evil.example",
            "evil.example",
            "",
            "/sign-in",
            "/sign-in?next=/all",
            "/all\n",
        ] {
            assert_eq!(wanted_path(elsewhere), None, "{elsewhere:?}");
        }
    }
}
