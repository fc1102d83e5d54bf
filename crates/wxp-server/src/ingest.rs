//! Resold PCs arriving from e2Open into their partner's Unassigned Devices,
//! from the operator (a server subcommand, or `POST /api/v1/operator/ingest`).
//!
//! Ingesting is idempotent: a serial number the portal already knows stays
//! where it is, so sending the same report again changes nothing.

use crate::live::Audience;
use crate::state::AppState;
use crate::store::{self, Db};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;
use wxp_core::api::Topic;
use wxp_core::date::{Date, Timestamp};
use wxp_core::ingest::{self, IngestProblem};
use wxp_core::{Device, PartnerId, TenantId};

/// What an ingest did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct IngestReport {
    /// PCs added to a holding tenant.
    pub added: u64,
    /// Good rows whose PC the portal already knew: left where they are.
    pub already_known: u64,
    /// Rows not taken, each with its line and reason.
    #[schema(value_type = Vec<Object>)]
    pub problems: Vec<IngestProblem>,
}

/// Reads a report and adds its good rows' PCs; returns the partners that
/// received PCs too.
pub async fn ingest(db: &Db, text: &str) -> Result<(IngestReport, Vec<PartnerId>), sqlx::Error> {
    let mut tx = db.write().await?;
    let holding: HashSet<String> =
        sqlx::query_as::<_, (String,)>("SELECT id FROM partners WHERE setup_complete = TRUE")
            .fetch_all(&mut *tx)
            .await?
            .into_iter()
            .map(|(id,)| id)
            .collect();
    let reading = ingest::read(text, |p| holding.contains(&p.0));
    let now = crate::clock::now();
    let (y, m, d) = now.date().ymd();
    // The report carries no warranty: Premium support runs three years.
    let warranty_end = Date::from_ymd(y + 3, m, d);
    let mut by_partner: BTreeMap<PartnerId, Vec<Device>> = BTreeMap::new();
    for row in &reading.rows {
        by_partner
            .entry(row.partner.clone())
            .or_default()
            .push(Device {
                serial: row.serial,
                model: Arc::from(row.model.as_str()),
                product_number: Arc::from(row.product_number.as_str()),
                plan: row.plan,
                warranty_end,
                last_seen: Timestamp(now.0),
                last_user: None,
                location: None,
            });
    }
    let mut added = 0;
    let mut receiving = Vec::new();
    for (partner, devices) in by_partner {
        let n =
            store::insert_devices(&mut tx, &TenantId::Holding(partner.clone()), &devices).await?;
        if n > 0 {
            receiving.push(partner);
        }
        added += n;
    }
    tx.commit().await?;
    db.after_bulk_load().await?;
    let report = IngestReport {
        added,
        already_known: reading.rows.len() as u64 - added,
        problems: reading.problems,
    };
    Ok((report, receiving))
}

/// Ingests and tells the receiving partners' pages.
pub async fn ingest_live(state: &AppState, text: &str) -> Result<IngestReport, sqlx::Error> {
    let (report, partners) = ingest(&state.db, text).await?;
    for partner in partners {
        state
            .live
            .tell(Topic::Devices, Audience::Partner(partner, None));
    }
    Ok(report)
}
