//! The account facts a transfer file is reviewed against, gathered from the
//! backend before the review runs.

use crate::backend::{Backend, BackendError};
use std::collections::HashMap;
use wxp_core::fast_hash::FastSet;
use wxp_core::transfer_file::{review, Directory, Place, Review, TransferFile};
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

/// Reviews `file` for a transfer from `source`, asking the backend only
/// about the PCs that are not on the page.
pub async fn review_with_backend(
    backend: &dyn Backend,
    user: UserId,
    file: &TransferFile,
    source: &TenantId,
    source_serials: &FastSet<SerialNumber>,
) -> Result<Review, BackendError> {
    let customers = backend
        .customers(user.clone())
        .await?
        .into_iter()
        .map(|s| (s.customer.id, s.customer.name))
        .collect();
    let missing: Vec<SerialNumber> = file
        .rows
        .iter()
        .filter_map(|r| match r.serial {
            wxp_core::transfer_file::SerialCell::Valid(s) if !source_serials.contains(&s) => {
                Some(s)
            }
            _ => None,
        })
        .collect();
    let elsewhere = if missing.is_empty() {
        HashMap::new()
    } else {
        backend.locate(user, missing).await?.into_iter().collect()
    };
    let directory = AccountDirectory {
        customers,
        source: source_serials,
        elsewhere,
    };
    Ok(review(file, source, &directory))
}
