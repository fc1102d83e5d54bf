//! The route table: the server's API routes (its `routes.txt`), each
//! answered here or marked as the server's only, and how a request's method
//! and path find one, as the server's router finds it: a path matches a
//! pattern segment by segment, a `{parameter}` matching one non-empty
//! segment as sent (percent-encoded); a path that matches with another
//! method is a 405, one that matches nothing a 404.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A route of the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Route {
    CurrentSession,
    PasswordSignIn,
    SignOut,
    DemoAccounts,
    DemoSignIn,
    DemoConfig,
    DemoReset,
    Customers,
    CreateCustomer,
    Customer,
    Portfolio,
    InsightsCollection,
    SelfServiceAlerts,
    Enrol,
    UnassignedDevices,
    CustomerDevices,
    Locate,
    SubmitTransfer,
    Transfers,
    Transfer,
    Notifications,
    MarkRead,
    Alerts,
    SimulateAlert,
    RequestRepair,
    RepairRequests,
    ScheduleRepair,
    OpenCase,
    Cases,
    Events,
    OperatorIngest,
}

/// Why a route of the server's means nothing in the in-browser backend,
/// which answers it 404.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ServerOnly {
    /// `POST /session`: signing in with an e-mail address and password.
    /// The in-browser backend has no passwords, only the demo accounts
    /// (`POST /demo/session`).
    Passwords,
    /// `GET /events`: the live-update stream. The in-browser backend tells
    /// what changed with each answer (`LocalResponse::changed`), for the
    /// worker to pass on to every tab.
    LiveStream,
    /// `POST /operator/ingest`: the operator's resale reports. There is no
    /// operator in a browser.
    Operator,
}

impl fmt::Display for ServerOnly {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ServerOnly::Passwords => {
                "signing in with a password needs the portal's server; here, sign in with a demo account"
            }
            ServerOnly::LiveStream => {
                "live updates come with each answer of the in-browser backend, not as a stream"
            }
            ServerOnly::Operator => "the operator's calls go to the portal's server",
        })
    }
}

impl Route {
    /// Whether only the server answers it, and why.
    pub(super) fn server_only(self) -> Option<ServerOnly> {
        match self {
            Route::PasswordSignIn => Some(ServerOnly::Passwords),
            Route::Events => Some(ServerOnly::LiveStream),
            Route::OperatorIngest => Some(ServerOnly::Operator),
            _ => None,
        }
    }

    /// Whether it acts as the signed-in user (401 for nobody), as every
    /// route but signing in and out and the demo ones.
    pub(super) fn needs_actor(self) -> bool {
        !matches!(
            self,
            Route::PasswordSignIn
                | Route::SignOut
                | Route::DemoAccounts
                | Route::DemoSignIn
                | Route::DemoConfig
                | Route::DemoReset
                | Route::Events
                | Route::OperatorIngest
        )
    }
}

/// Every route of the server's API: method, path pattern (relative to the
/// API base, with the server's parameter names) and what answers it.
const TABLE: &[(&str, &str, Route)] = &[
    ("GET", "/session", Route::CurrentSession),
    ("POST", "/session", Route::PasswordSignIn),
    ("DELETE", "/session", Route::SignOut),
    ("GET", "/demo/accounts", Route::DemoAccounts),
    ("POST", "/demo/session", Route::DemoSignIn),
    ("GET", "/demo/config", Route::DemoConfig),
    ("POST", "/demo/reset", Route::DemoReset),
    ("GET", "/customers", Route::Customers),
    ("POST", "/customers", Route::CreateCustomer),
    ("GET", "/customers/{id}", Route::Customer),
    ("GET", "/portfolio", Route::Portfolio),
    (
        "PUT",
        "/customers/{id}/settings/insights-collection",
        Route::InsightsCollection,
    ),
    (
        "PUT",
        "/customers/{id}/settings/self-service-alerts",
        Route::SelfServiceAlerts,
    ),
    ("POST", "/customers/{id}/enrolments", Route::Enrol),
    (
        "GET",
        "/partners/{partner}/unassigned-devices",
        Route::UnassignedDevices,
    ),
    ("GET", "/customers/{id}/devices", Route::CustomerDevices),
    ("POST", "/devices/locate", Route::Locate),
    ("POST", "/transfers", Route::SubmitTransfer),
    ("GET", "/transfers", Route::Transfers),
    ("GET", "/transfers/{id}", Route::Transfer),
    ("GET", "/notifications", Route::Notifications),
    ("POST", "/notifications/{id}/read", Route::MarkRead),
    ("GET", "/alerts", Route::Alerts),
    ("POST", "/alerts", Route::SimulateAlert),
    ("POST", "/alerts/{id}/repair-request", Route::RequestRepair),
    ("GET", "/repair-requests", Route::RepairRequests),
    (
        "POST",
        "/repair-requests/{id}/schedule",
        Route::ScheduleRepair,
    ),
    ("POST", "/support-cases", Route::OpenCase),
    ("GET", "/support-cases", Route::Cases),
    ("GET", "/events", Route::Events),
    ("POST", "/operator/ingest", Route::OperatorIngest),
];

/// What a method and path find.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Lookup<'p> {
    /// A route, with its parameters as sent.
    Found(Route, Vec<(&'static str, &'p str)>),
    /// The path is a route's, but not with this method (405).
    OtherMethods,
    /// No route has this path (404).
    Nothing,
}

/// The route of `method` and `path` (relative to the API base, without a
/// query string).
pub(super) fn lookup<'p>(method: &str, path: &'p str) -> Lookup<'p> {
    let mut other_methods = false;
    for (m, pattern, route) in TABLE {
        if let Some(params) = matches(pattern, path) {
            if *m == method {
                return Lookup::Found(*route, params);
            }
            other_methods = true;
        }
    }
    if other_methods {
        Lookup::OtherMethods
    } else {
        Lookup::Nothing
    }
}

/// The parameters of `path` if it matches `pattern`.
fn matches<'p>(pattern: &'static str, path: &'p str) -> Option<Vec<(&'static str, &'p str)>> {
    let mut pattern_parts = pattern.split('/');
    let mut path_parts = path.split('/');
    let mut params = Vec::new();
    loop {
        match (pattern_parts.next(), path_parts.next()) {
            (None, None) => return Some(params),
            (Some(want), Some(got)) => {
                match want.strip_prefix('{').and_then(|w| w.strip_suffix('}')) {
                    Some(name) if !got.is_empty() => params.push((name, got)),
                    Some(_) => return None,
                    None if want == got => {}
                    None => return None,
                }
            }
            _ => return None,
        }
    }
}

/// Every route answered here, as `METHOD /pattern`.
pub(super) fn served() -> Vec<String> {
    TABLE
        .iter()
        .filter(|(_, _, route)| route.server_only().is_none())
        .map(|(method, pattern, _)| format!("{method} {pattern}"))
        .collect()
}

/// Every route of the server's that is answered 404 here, with why.
pub(super) fn server_only() -> Vec<(String, ServerOnly)> {
    TABLE
        .iter()
        .filter_map(|(method, pattern, route)| {
            Some((format!("{method} {pattern}"), route.server_only()?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_find_their_routes_and_parameters() {
        assert_eq!(
            lookup("GET", "/customers"),
            Lookup::Found(Route::Customers, vec![])
        );
        assert_eq!(
            lookup("GET", "/customers/CUS-1/devices"),
            Lookup::Found(Route::CustomerDevices, vec![("id", "CUS-1")])
        );
        assert_eq!(
            lookup("POST", "/customers/CUS%2D1/enrolments"),
            Lookup::Found(Route::Enrol, vec![("id", "CUS%2D1")])
        );
        assert_eq!(
            lookup("GET", "/partners/PRT-ALPINE/unassigned-devices"),
            Lookup::Found(Route::UnassignedDevices, vec![("partner", "PRT-ALPINE")])
        );
        assert_eq!(
            lookup("POST", "/repair-requests/7/schedule"),
            Lookup::Found(Route::ScheduleRepair, vec![("id", "7")])
        );
    }

    #[test]
    fn another_method_is_a_405_and_another_path_a_404() {
        assert_eq!(lookup("DELETE", "/customers"), Lookup::OtherMethods);
        assert_eq!(lookup("PATCH", "/session"), Lookup::OtherMethods);
        assert_eq!(lookup("get", "/customers"), Lookup::OtherMethods);
        for path in [
            "",
            "/",
            "/customers/",
            "/customers//devices",
            "/customers/a/b",
            "/api/v1/customers",
            "customers",
            "/nothing",
        ] {
            assert_eq!(lookup("GET", path), Lookup::Nothing, "{path:?}");
        }
    }

    #[test]
    fn the_table_names_each_route_once() {
        let mut all: Vec<String> = served();
        all.extend(server_only().into_iter().map(|(r, _)| r));
        let count = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), count);
        assert_eq!(count, TABLE.len());
        assert_eq!(server_only().len(), 3);
    }
}
