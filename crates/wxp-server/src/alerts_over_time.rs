//! Hardware alerts raised over time, as HP's analytics would: every
//! interval, on some PC of any tenant, with a kind, both chosen from the
//! demo seed and the number of alerts so far.

use crate::live::Audience;
use crate::state::AppState;
use crate::store;
use wxp_core::api::Topic;
use wxp_core::engine::AlertKind;
use wxp_core::rng::Rng;
use wxp_core::TenantId;

/// Raises alerts until the process ends (not at all for a zero interval).
pub async fn run(state: AppState) {
    if state.config.alert_interval.is_zero() {
        return;
    }
    let mut ticks = tokio::time::interval(state.config.alert_interval);
    ticks.tick().await;
    loop {
        ticks.tick().await;
        if let Err(e) = raise(&state).await {
            tracing::warn!("raising an alert over time: {e}");
        }
    }
}

/// Raises the next alert.
pub async fn raise(state: &AppState) -> Result<(), sqlx::Error> {
    let mut tx = state.db.write().await?;
    let seed = crate::seed::config(&mut tx).await?.seed;
    let (alerts, devices): (i64, i64) =
        sqlx::query_as("SELECT (SELECT COUNT(*) FROM alerts), (SELECT COUNT(*) FROM devices)")
            .fetch_one(&mut *tx)
            .await?;
    if devices == 0 {
        return Ok(());
    }
    let mut rng = Rng::new(seed ^ 0x5CED_A1E7 ^ (alerts as u64).rotate_left(17));
    let offset = rng.below(devices as u64) as i64;
    let kind = *rng.pick(&AlertKind::ALL);
    let Some((serial, tenant)) = store::device_at(&mut tx, offset).await? else {
        return Ok(());
    };
    let alert = store::raise_alert(&mut tx, serial, tenant, kind, crate::clock::now()).await?;
    tx.commit().await?;
    let customer = match &alert.tenant {
        TenantId::Customer(c) => Some(c.clone()),
        TenantId::Holding(_) => None,
    };
    state
        .live
        .tell(Topic::Alerts, Audience::Partner(alert.partner, customer));
    Ok(())
}
