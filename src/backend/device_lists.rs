//! The last list of PCs read, kept with the tenant and the live-update
//! version it was read at. The Transfer Devices dialog hands its worker the
//! serial numbers of the PCs the page already shows, instead of reading and
//! decoding 100,000 PCs again on the main thread when it opens (a 90 ms
//! task). A list is reused only while nothing has reported a change of PCs
//! since its read began, and never while live updates are cut.

use super::{Backend, BackendError, LiveUpdates};
use leptos::prelude::untrack;
use std::cell::RefCell;
use std::sync::Arc;
use wxp_core::api::Topic;
use wxp_core::{Device, TenantId};

/// A list as read: whose, and as of which version of the PCs.
struct Read {
    tenant: TenantId,
    version: u64,
    devices: Arc<Vec<Device>>,
}

thread_local! {
    static LAST: RefCell<Option<Read>> = const { RefCell::new(None) };
}

/// The PCs of `tenant`: the last list read if it is still current, else
/// read from `backend` (and kept).
pub async fn devices(
    backend: &dyn Backend,
    live: LiveUpdates,
    tenant: TenantId,
) -> Result<Arc<Vec<Device>>, BackendError> {
    let (version, paused) = untrack(|| (live.version(Topic::Devices), live.paused()));
    if !paused {
        let kept = LAST.with(|last| {
            last.borrow()
                .as_ref()
                .filter(|r| r.tenant == tenant && r.version == version)
                .map(|r| r.devices.clone())
        });
        if let Some(devices) = kept {
            return Ok(devices);
        }
    }
    // Stamped with the version from before the read: a change reported
    // while it was on its way makes it stale at once.
    let devices = backend.devices(tenant.clone()).await?;
    if !paused {
        LAST.with(|last| {
            *last.borrow_mut() = Some(Read {
                tenant,
                version,
                devices: devices.clone(),
            })
        });
    }
    Ok(devices)
}

/// Forgets the list kept (the user signed out).
pub fn forget() {
    LAST.with(|last| *last.borrow_mut() = None);
}
