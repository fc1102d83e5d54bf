//! The account facts a transfer file is reviewed against, gathered from the
//! backend before the review runs: the partner's customers, and where each
//! PC of the file is. Only the file's PCs are asked about, never a whole
//! tenant (Unassigned Devices can hold 100,000 PCs).

use crate::backend::{Backend, BackendError};
use crate::browser::yield_to_page;
use std::collections::HashMap;
use wxp_core::fast_hash::FastSet;
use wxp_core::transfer_file::{review, Directory, Place, Review, SerialCell, TransferFile};
use wxp_core::{CustomerId, SerialNumber, TenantId};

/// What the review needs: the partner's customers, which PCs of the file
/// are in the tenant the transfer starts from, and where the others are.
pub struct AccountDirectory {
    customers: HashMap<CustomerId, String>,
    source: FastSet<SerialNumber>,
    elsewhere: HashMap<SerialNumber, Place>,
}

impl AccountDirectory {
    /// Sorts the places the backend gave for the file's PCs: a PC where
    /// the user sees `source` is in the source; one the backend did not
    /// return is nowhere the user can see.
    pub fn new(
        customers: HashMap<CustomerId, String>,
        source: &TenantId,
        places: Vec<(SerialNumber, Place)>,
    ) -> AccountDirectory {
        let mut in_source = FastSet::default();
        let mut elsewhere = HashMap::new();
        for (serial, place) in places {
            if is_tenant(&place, source) {
                in_source.insert(serial);
            } else {
                elsewhere.insert(serial, place);
            }
        }
        AccountDirectory {
            customers,
            source: in_source,
            elsewhere,
        }
    }
}

/// Whether `place` is `tenant`. The backend names the user's own holding
/// tenant Unassigned Devices, and a transfer starts only from the user's
/// own.
fn is_tenant(place: &Place, tenant: &TenantId) -> bool {
    match (place, tenant) {
        (Place::Unassigned, TenantId::Holding(_)) => true,
        (Place::Customer { id, .. }, TenantId::Customer(source)) => id == source,
        _ => false,
    }
}

impl Directory for AccountDirectory {
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

/// The file's valid serial numbers, each once.
fn serials_of(file: &TransferFile) -> Vec<SerialNumber> {
    let mut seen = FastSet::default();
    file.rows
        .iter()
        .filter_map(|r| match r.serial {
            SerialCell::Valid(s) if seen.insert(s) => Some(s),
            _ => None,
        })
        .collect()
}

/// A reviewed file, and the name of the tenant it would move PCs from.
pub struct Checked {
    /// The review.
    pub review: Review,
    /// The source customer's name; `None` for the partner's Unassigned
    /// Devices, which the page names in the user's language.
    pub source_name: Option<String>,
}

/// Reviews `file` for a transfer from `source`, asking the backend where
/// the file's PCs are now (not as the page first loaded them).
pub async fn review_with_backend(
    backend: &dyn Backend,
    file: &TransferFile,
    source: &TenantId,
) -> Result<Checked, BackendError> {
    let serials = serials_of(file);
    let located = async {
        if serials.is_empty() {
            Ok(Vec::new())
        } else {
            backend.locate(serials).await
        }
    };
    // Both questions at once: over HTTP that is one round trip, not two.
    let (customers, places) = futures::future::join(backend.customers(), located).await;
    let customers: HashMap<CustomerId, String> = customers?
        .into_iter()
        .map(|s| (s.customer.id, s.customer.name))
        .collect();
    let places = places?;
    let source_name = match source {
        TenantId::Holding(_) => None,
        TenantId::Customer(id) => {
            Some(customers.get(id).cloned().unwrap_or_else(|| id.to_string()))
        }
    };
    // With 100,000 rows each step takes a few milliseconds: the page gets
    // its turn between them.
    yield_to_page().await;
    let directory = AccountDirectory::new(customers, source, places);
    yield_to_page().await;
    Ok(Checked {
        review: review(file, source, &directory),
        source_name,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;
    use wxp_core::seed::DemoConfig;
    use wxp_core::transfer_file::{read_csv, Limits};
    use wxp_core::{Engine, PartnerId, UserId};

    /// The review as it was made before: from all the source's PCs, and
    /// the others located.
    struct WholeTenant<'a> {
        engine: &'a Engine,
        user: UserId,
        customers: HashMap<CustomerId, String>,
        source: FastSet<SerialNumber>,
    }

    impl Directory for WholeTenant<'_> {
        fn customer_name(&self, id: &CustomerId) -> Option<String> {
            self.customers.get(id).cloned()
        }
        fn in_source(&self, serial: &SerialNumber) -> bool {
            self.source.contains(serial)
        }
        fn locate(&self, serial: &SerialNumber) -> Option<Place> {
            let found = self.engine.locate(&self.user, &[*serial]).unwrap();
            found.into_iter().next().map(|(_, place)| place)
        }
    }

    fn customers(engine: &Engine, user: &UserId) -> HashMap<CustomerId, String> {
        engine
            .customers(user)
            .unwrap()
            .into_iter()
            .map(|s| (s.customer.id, s.customer.name))
            .collect()
    }

    /// A file from `source` to `target` with PCs from everywhere the user
    /// sees, one not found, a duplicate and a bad serial.
    fn file_for(engine: &Engine, user: &UserId, target: &CustomerId) -> TransferFile {
        let mut lines = vec!["Serial Number,Customer ID".to_owned()];
        for tenant in [
            TenantId::Holding(PartnerId("PRT-ALPINE".into())),
            TenantId::Customer(target.clone()),
        ]
        .into_iter()
        .chain(
            engine
                .customers(user)
                .unwrap()
                .into_iter()
                .map(|s| TenantId::Customer(s.customer.id)),
        ) {
            for device in engine.devices(user, &tenant).unwrap().iter().take(3) {
                lines.push(format!("{},{target}", device.serial));
            }
        }
        let first = lines[1].clone();
        lines.push(first);
        lines.push(format!("5CG0000ZZZ,{target}"));
        lines.push(format!("not a serial,{target}"));
        read_csv(lines.join("\n").as_bytes(), Limits::TRANSFER).unwrap()
    }

    #[test]
    fn locating_the_files_pcs_reviews_as_loading_the_whole_source() {
        let engine = Engine::new(DemoConfig::default());
        let user = UserId("u-alpine-admin".into());
        let list = engine.customers(&user).unwrap();
        let (first, second) = (&list[0].customer.id, &list[1].customer.id);
        let sources = [
            TenantId::Holding(PartnerId("PRT-ALPINE".into())),
            TenantId::Customer(first.clone()),
        ];
        for source in sources {
            let file = file_for(&engine, &user, second);
            let before = WholeTenant {
                engine: &engine,
                user: user.clone(),
                customers: customers(&engine, &user),
                source: engine
                    .devices(&user, &source)
                    .unwrap()
                    .iter()
                    .map(|d| d.serial)
                    .collect(),
            };
            let places = engine.locate(&user, &serials_of(&file)).unwrap();
            let now = AccountDirectory::new(customers(&engine, &user), &source, places);
            let (old, new) = (
                review(&file, &source, &before),
                review(&file, &source, &now),
            );
            assert_eq!(old, new, "from {source:?}");
            assert!(!new.valid.is_empty() && !new.problems.is_empty());
        }
    }

    #[test]
    fn each_serial_is_asked_about_once() {
        let text = "5CG1234ABC,CUS-0000C0A7\n5CG1234ABC,CUS-0000C0A7\nbad,CUS-0000C0A7\n";
        let file = read_csv(text.as_bytes(), Limits::TRANSFER).unwrap();
        assert_eq!(serials_of(&file).len(), 1);
    }
}
