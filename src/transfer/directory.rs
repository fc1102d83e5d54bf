//! The account facts a transfer file is reviewed against, gathered from the
//! backend before the review runs.

use crate::backend::{Backend, BackendError};
use crate::browser::yield_to_page;
use std::collections::HashMap;
use wxp_core::fast_hash::FastSet;
use wxp_core::transfer_file::{review, Directory, Place, Review, SerialCell, TransferFile};
use wxp_core::{CustomerId, SerialNumber, TenantId, UserId};

/// What the review needs: the partner's customers, the PCs of the page the
/// transfer starts from, and where the other PCs of the file are.
pub struct AccountDirectory<'a> {
    customers: HashMap<CustomerId, String>,
    source: &'a FastSet<SerialNumber>,
    elsewhere: HashMap<SerialNumber, Place>,
}

impl Directory for AccountDirectory<'_> {
    fn customer_name(&self, id: &CustomerId) -> Option<String> {
        self.customers.get(id).cloned()
    }
    fn in_source(&self, serial: &SerialNumber) -> bool {
        self.source.contains(serial)
    }
    fn locate(&self, serial: &SerialNumber) -> Option<Place> {
        self.elsewhere.get(serial).cloned()
    }
}

/// A reviewed file, and the name of the tenant it would move PCs from.
pub struct Checked {
    /// The review.
    pub review: Review,
    /// The source customer's name; `None` for the partner's Unassigned
    /// Devices, which the page names in the user's language.
    pub source_name: Option<String>,
}

/// Reviews `file` for a transfer from `source`, asking the backend where the
/// PCs that are not in the source are.
pub async fn review_with_backend(
    backend: &dyn Backend,
    user: UserId,
    file: &TransferFile,
    source: &TenantId,
) -> Result<Checked, BackendError> {
    yield_to_page().await;
    // The source's PCs as they are now, not as the page first loaded them.
    // With 100,000 rows each step takes a few milliseconds: the page gets
    // its turn between them.
    let source_devices = backend.devices(user.clone(), source.clone()).await?;
    yield_to_page().await;
    let source_serials: FastSet<SerialNumber> = source_devices.iter().map(|d| d.serial).collect();
    drop(source_devices);
    yield_to_page().await;
    let customers: HashMap<CustomerId, String> = backend
        .customers(user.clone())
        .await?
        .into_iter()
        .map(|s| (s.customer.id, s.customer.name))
        .collect();
    let missing: Vec<SerialNumber> = file
        .rows
        .iter()
        .filter_map(|r| match r.serial {
            SerialCell::Valid(s) if !source_serials.contains(&s) => Some(s),
            _ => None,
        })
        .collect();
    let elsewhere = if missing.is_empty() {
        HashMap::new()
    } else {
        backend.locate(user, missing).await?.into_iter().collect()
    };
    let source_name = match source {
        TenantId::Holding(_) => None,
        TenantId::Customer(id) => {
            Some(customers.get(id).cloned().unwrap_or_else(|| id.to_string()))
        }
    };
    yield_to_page().await;
    let directory = AccountDirectory {
        customers,
        source: &source_serials,
        elsewhere,
    };
    Ok(Checked {
        review: review(file, source, &directory),
        source_name,
    })
}
