//! Something of every kind for the routes to be called on, made through the
//! API by the demo accounts: a completed transfer, an alert with a pop-up,
//! a Service Delivery partner's repair request, support cases.

use super::sessions::{client_of, demo_token};
use crate::common::{eventually, get, post, TestServer};
use reqwest::StatusCode;
use serde_json::json;

/// Alpine IT Solutions' partner admin (Resell and View/Monitor).
pub const ALPINE: &str = "u-alpine-admin";
/// Brightline Services' partner admin (Service Delivery).
pub const BRIGHT: &str = "u-bright-admin";
/// Contoso Ltd's IT Admin (a customer of Alpine).
pub const CONTOSO: &str = "u-contoso-it";
/// Fabrikam Inc's IT Admin (another customer of Alpine).
pub const FABRIKAM: &str = "u-fabrikam-it";

pub struct Fixtures {
    /// Contoso Ltd's Customer ID and cPIN.
    pub contoso: String,
    pub contoso_cpin: String,
    /// Brightline's customer Woodgrove Bank.
    pub woodgrove: String,
    /// PCs in Alpine's Unassigned Devices, by serial number; the first
    /// moved to Contoso by `alpine_job`, the others untouched.
    pub alpine_holding: Vec<String>,
    /// PCs in Brightline's Unassigned Devices; the first has `bright_request`.
    pub bright_holding: Vec<String>,
    /// PCs in Contoso's dashboard; the first has `popup_alert`.
    pub contoso_pcs: Vec<String>,
    /// A completed transfer of Alpine's, submitted by its admin.
    pub alpine_job: u64,
    /// An alert on a Contoso PC that reached its end user (a pop-up).
    pub popup_alert: u64,
    /// An alert on a Brightline PC whose repair request waits in
    /// Brightline's CSDP account.
    pub bright_request: u64,
}

/// The first `n` values of a one-column query with one text parameter.
pub async fn column(server: &TestServer, sql: &'static str, bind: &str) -> Vec<String> {
    sqlx::query_as::<_, (String,)>(sql)
        .bind(bind.to_owned())
        .fetch_all(server.state.db.pool())
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .into_iter()
        .map(|(v,)| v)
        .collect()
}

async fn customer_named(server: &TestServer, name: &str) -> String {
    column(server, "SELECT id FROM customers WHERE name = $1", name)
        .await
        .pop()
        .unwrap_or_else(|| panic!("a customer named {name}"))
}

async fn holding(server: &TestServer, partner: &str) -> Vec<String> {
    column(
        server,
        "SELECT serial FROM devices WHERE tenant_kind = 'holding' AND tenant_id = $1 ORDER BY serial LIMIT 10",
        partner,
    )
    .await
}

impl Fixtures {
    pub async fn build(server: &TestServer) -> Fixtures {
        let url = |path: &str| server.url(&format!("/api/v1{path}"));
        let contoso = customer_named(server, "Contoso Ltd").await;
        let contoso_cpin = column(server, "SELECT cpin FROM customers WHERE id = $1", &contoso)
            .await
            .remove(0);
        let woodgrove = customer_named(server, "Woodgrove Bank").await;
        let alpine_holding = holding(server, "PRT-ALPINE").await;
        let bright_holding = holding(server, "PRT-BRIGHT").await;
        let contoso_pcs = column(
            server,
            "SELECT serial FROM devices WHERE tenant_kind = 'customer' AND tenant_id = $1 ORDER BY serial LIMIT 10",
            &contoso,
        )
        .await;
        assert!(
            alpine_holding.len() == 10 && bright_holding.len() == 10 && contoso_pcs.len() == 10
        );

        let alpine = client_of(Some(&demo_token(server, ALPINE).await));
        let bright = client_of(Some(&demo_token(server, BRIGHT).await));

        let (status, job) = post(
            &alpine,
            url("/transfers"),
            json!({
                "key": "fixture",
                "source": { "kind": "holding", "id": "PRT-ALPINE" },
                "rows": [{ "serial": alpine_holding[0], "customer": contoso }],
            }),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{job}");
        let alpine_job = job.as_u64().unwrap();
        eventually("the fixture transfer completes", || async {
            let (_, job) = get(&alpine, url(&format!("/transfers/{alpine_job}"))).await;
            job["state"] == "Completed"
        })
        .await;

        let (status, alert) = post(
            &alpine,
            url("/alerts"),
            json!({ "serial": contoso_pcs[0], "kind": "Battery" }),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{alert}");
        let popup_alert = alert.as_u64().unwrap();

        let (status, alert) = post(
            &bright,
            url("/alerts"),
            json!({ "serial": bright_holding[0], "kind": "Fan" }),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{alert}");
        let bright_request = alert.as_u64().unwrap();
        let (status, repair) = post(
            &bright,
            url(&format!("/alerts/{bright_request}/repair-request")),
            json!(null),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{repair}");
        assert_eq!(repair, "WithPartner");

        for user in [ALPINE, BRIGHT, CONTOSO, FABRIKAM] {
            let c = client_of(Some(&demo_token(server, user).await));
            let (status, case) = post(
                &c,
                url("/support-cases"),
                json!({ "subject": case_subject(user), "description": "", "serials": [] }),
            )
            .await;
            assert_eq!(status, StatusCode::OK, "{case}");
        }

        Fixtures {
            contoso,
            contoso_cpin,
            woodgrove,
            alpine_holding,
            bright_holding,
            contoso_pcs,
            alpine_job,
            popup_alert,
            bright_request,
        }
    }
}

/// The subject of the support case `user` opened: only they may read it.
pub fn case_subject(user: &str) -> String {
    format!("Private case of {user}")
}
