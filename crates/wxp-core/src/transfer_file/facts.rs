//! The account facts a transfer file is reviewed against, gathered before
//! the file is chosen so that its verdict waits for nothing: the partner's
//! customers and the serial numbers of the tenant the transfer starts from.
//! Where the file's other PCs are is asked of the backend when the file is
//! read, for those PCs only (normally few or none).

use super::raw::{SerialCell, TransferFile};
use super::review::{Directory, Place};
use crate::fast_hash::{FastMap, FastSet};
use crate::ids::{CustomerId, TenantId};
use crate::serial::{SerialNumber, SERIAL_LEN};
use std::collections::HashMap;

/// Whether `place` is `tenant`. The backend names the user's own holding
/// tenant Unassigned Devices, and a transfer starts only from the user's
/// own.
pub fn is_tenant(place: &Place, tenant: &TenantId) -> bool {
    match (place, tenant) {
        (Place::Unassigned, TenantId::Holding(_)) => true,
        (Place::Customer { id, .. }, TenantId::Customer(source)) => id == source,
        _ => false,
    }
}

/// The tenant a transfer starts from and the PCs in it.
#[derive(Debug, Clone)]
pub struct SourceFacts {
    tenant: TenantId,
    serials: FastSet<SerialNumber>,
}

impl SourceFacts {
    /// The PCs `serials` in `tenant`.
    pub fn new(tenant: TenantId, serials: impl IntoIterator<Item = SerialNumber>) -> SourceFacts {
        SourceFacts {
            tenant,
            serials: serials.into_iter().collect(),
        }
    }

    /// The PCs in [`encode_serials`]'s form.
    pub fn from_encoded(tenant: TenantId, encoded: &[u8]) -> Result<SourceFacts, String> {
        let mut serials =
            FastSet::with_capacity_and_hasher(encoded.len() / SERIAL_LEN, Default::default());
        for_each_serial(encoded, |s| {
            serials.insert(s);
        })?;
        Ok(SourceFacts { tenant, serials })
    }

    /// The tenant.
    pub fn tenant(&self) -> &TenantId {
        &self.tenant
    }

    /// How many PCs it holds.
    pub fn len(&self) -> usize {
        self.serials.len()
    }

    /// Whether it holds no PC.
    pub fn is_empty(&self) -> bool {
        self.serials.is_empty()
    }

    /// The file's valid serial numbers that are not in the tenant, each
    /// once, in file order: where they are is the backend's to say.
    pub fn to_locate(&self, file: &TransferFile) -> Vec<SerialNumber> {
        let mut seen = FastSet::default();
        file.rows
            .iter()
            .filter_map(|r| match r.serial {
                SerialCell::Valid(s) if !self.serials.contains(&s) && seen.insert(s) => Some(s),
                _ => None,
            })
            .collect()
    }
}

/// What a review checks rows against: the customers, the source's PCs,
/// and where the backend says the file's other PCs are.
pub struct AccountFacts<'a> {
    customers: &'a HashMap<CustomerId, String>,
    source: &'a SourceFacts,
    /// PCs the backend places in the source although the source's list did
    /// not have them (they arrived since it was read).
    arrived: FastSet<SerialNumber>,
    elsewhere: FastMap<SerialNumber, Place>,
}

impl<'a> AccountFacts<'a> {
    /// The facts, with the places the backend gave for the PCs of
    /// [`SourceFacts::to_locate`]; a PC it did not return is nowhere the
    /// user can see.
    pub fn new(
        customers: &'a HashMap<CustomerId, String>,
        source: &'a SourceFacts,
        located: Vec<(SerialNumber, Place)>,
    ) -> AccountFacts<'a> {
        let mut arrived = FastSet::default();
        let mut elsewhere = FastMap::default();
        for (serial, place) in located {
            if is_tenant(&place, &source.tenant) {
                arrived.insert(serial);
            } else {
                elsewhere.insert(serial, place);
            }
        }
        AccountFacts {
            customers,
            source,
            arrived,
            elsewhere,
        }
    }

    /// The source customer's name; `None` for the partner's Unassigned
    /// Devices, which the page names in the user's language.
    pub fn source_name(&self) -> Option<String> {
        match &self.source.tenant {
            TenantId::Holding(_) => None,
            TenantId::Customer(id) => Some(
                self.customers
                    .get(id)
                    .cloned()
                    .unwrap_or_else(|| id.to_string()),
            ),
        }
    }
}

impl Directory for AccountFacts<'_> {
    fn customer_name(&self, id: &CustomerId) -> Option<String> {
        self.customers.get(id).cloned()
    }
    fn in_source(&self, serial: &SerialNumber) -> bool {
        self.source.serials.contains(serial)
            || (!self.arrived.is_empty() && self.arrived.contains(serial))
    }
    fn locate(&self, serial: &SerialNumber) -> Option<Place> {
        self.elsewhere.get(serial).cloned()
    }
}

/// Serial numbers as one buffer of [`SERIAL_LEN`] bytes each: 1 MB for
/// 100,000 PCs, moved between the page and a worker without a copy.
pub fn encode_serials<'s>(serials: impl IntoIterator<Item = &'s SerialNumber>) -> Vec<u8> {
    let serials = serials.into_iter();
    let mut out = Vec::with_capacity(serials.size_hint().0 * SERIAL_LEN);
    for s in serials {
        out.extend_from_slice(s.as_str().as_bytes());
    }
    out
}

/// What [`encode_serials`] made.
pub fn decode_serials(encoded: &[u8]) -> Result<Vec<SerialNumber>, String> {
    let mut out = Vec::with_capacity(encoded.len() / SERIAL_LEN);
    for_each_serial(encoded, |s| out.push(s))?;
    Ok(out)
}

/// The JSON of the facts that travel to the worker with the serial
/// numbers: the source tenant, the customers (`[[id, name], …]`) and where
/// the backend placed PCs (`[[serial, place], …]`).
pub mod json {
    use super::*;

    /// A tenant.
    pub fn tenant(tenant: &TenantId) -> String {
        serde_json::to_string(tenant).expect("a tenant always serialises")
    }

    /// What [`tenant`] made.
    pub fn parse_tenant(json: &str) -> Result<TenantId, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    /// The customers' IDs and names.
    pub fn customers(customers: &[(CustomerId, String)]) -> String {
        serde_json::to_string(customers).expect("customers always serialise")
    }

    /// What [`customers`] made.
    pub fn parse_customers(json: &str) -> Result<HashMap<CustomerId, String>, String> {
        let list: Vec<(CustomerId, String)> =
            serde_json::from_str(json).map_err(|e| e.to_string())?;
        Ok(list.into_iter().collect())
    }

    /// Where the backend placed PCs.
    pub fn located(located: &[(SerialNumber, Place)]) -> String {
        serde_json::to_string(located).expect("places always serialise")
    }

    /// What [`located`] made.
    pub fn parse_located(json: &str) -> Result<Vec<(SerialNumber, Place)>, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }
}

fn for_each_serial(encoded: &[u8], mut each: impl FnMut(SerialNumber)) -> Result<(), String> {
    if encoded.len() % SERIAL_LEN != 0 {
        return Err(format!(
            "a list of serial numbers of {} bytes",
            encoded.len()
        ));
    }
    for chunk in encoded.chunks_exact(SERIAL_LEN) {
        let text = std::str::from_utf8(chunk).map_err(|_| "a serial number not in ASCII")?;
        each(SerialNumber::parse(text).map_err(|e| format!("{text:?}: {e}"))?);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed::DemoConfig;
    use crate::transfer_file::{read_csv, review, Limits};
    use crate::{Engine, PartnerId, UserId};

    /// The review as it was made before: from all the source's PCs, and
    /// every other PC located one by one.
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

    /// A file to `target` with PCs from everywhere the user sees, one not
    /// found, a duplicate and a bad serial.
    fn file_for(engine: &Engine, user: &UserId, target: &CustomerId) -> TransferFile {
        let mut lines = vec!["Serial Number,Customer ID".to_owned()];
        let tenants = [
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
        );
        for tenant in tenants {
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
    fn the_sources_pcs_and_the_others_located_review_as_the_whole_account() {
        let engine = Engine::new(DemoConfig::default());
        let user = UserId("u-alpine-admin".into());
        let list = engine.customers(&user).unwrap();
        let (first, second) = (&list[0].customer.id, &list[1].customer.id);
        let sources = [
            TenantId::Holding(PartnerId("PRT-ALPINE".into())),
            TenantId::Customer(first.clone()),
        ];
        for tenant in sources {
            let file = file_for(&engine, &user, second);
            let in_source: Vec<SerialNumber> = engine
                .devices(&user, &tenant)
                .unwrap()
                .iter()
                .map(|d| d.serial)
                .collect();
            let before = WholeTenant {
                engine: &engine,
                user: user.clone(),
                customers: customers(&engine, &user),
                source: in_source.iter().copied().collect(),
            };
            // The source's list goes through its compact form, as to the
            // worker.
            let source =
                SourceFacts::from_encoded(tenant.clone(), &encode_serials(&in_source)).unwrap();
            assert_eq!(source.len(), in_source.len());
            let to_locate = source.to_locate(&file);
            let located = engine.locate(&user, &to_locate).unwrap();
            let customers = customers(&engine, &user);
            let now = AccountFacts::new(&customers, &source, located);
            let (old, new) = (
                review(&file, &tenant, &before),
                review(&file, &tenant, &now),
            );
            assert_eq!(old, new, "from {tenant:?}");
            assert!(!new.valid.is_empty() && !new.problems.is_empty());
        }
    }

    #[test]
    fn each_pc_outside_the_source_is_asked_about_once() {
        let text = "5CG1234ABC,CUS-0000C0A7\n5CG1234ABC,CUS-0000C0A7\nbad,CUS-0000C0A7\n5CG0000001,CUS-0000C0A7\n";
        let file = read_csv(text.as_bytes(), Limits::TRANSFER).unwrap();
        let source = SourceFacts::new(
            TenantId::Holding(PartnerId("PRT-ALPINE".into())),
            [SerialNumber::parse("5CG0000001").unwrap()],
        );
        assert_eq!(
            source.to_locate(&file),
            [SerialNumber::parse("5CG1234ABC").unwrap()]
        );
    }

    #[test]
    fn a_pc_that_arrived_in_the_source_since_its_list_was_read_is_in_it() {
        let tenant = TenantId::Holding(PartnerId("PRT-ALPINE".into()));
        let source = SourceFacts::new(tenant, []);
        let customers = HashMap::new();
        let serial = SerialNumber::parse("5CG1234ABC").unwrap();
        let facts = AccountFacts::new(&customers, &source, vec![(serial, Place::Unassigned)]);
        assert!(facts.in_source(&serial));
        assert_eq!(facts.locate(&serial), None);
    }

    #[test]
    fn the_facts_json_round_trips() {
        let tenant = TenantId::Customer(CustomerId("CUS-0000C0A7".into()));
        assert_eq!(json::parse_tenant(&json::tenant(&tenant)).unwrap(), tenant);
        let customers = vec![(CustomerId("CUS-0000C0A7".into()), "Contoso Ltd".to_owned())];
        assert_eq!(
            json::parse_customers(&json::customers(&customers)).unwrap(),
            customers.into_iter().collect::<HashMap<_, _>>()
        );
        let located = vec![(
            SerialNumber::parse("5CG1234ABC").unwrap(),
            Place::Unassigned,
        )];
        assert_eq!(
            json::parse_located(&json::located(&located)).unwrap(),
            located
        );
        assert!(json::parse_located("[1]").is_err());
    }

    #[test]
    fn serial_lists_round_trip_and_refuse_what_is_not_one() {
        let serials = [
            SerialNumber::parse("5CG1234ABC").unwrap(),
            SerialNumber::parse("CND0000001").unwrap(),
        ];
        assert_eq!(decode_serials(&encode_serials(&serials)).unwrap(), serials);
        assert!(decode_serials(b"5CG1234AB").is_err());
        assert!(decode_serials(b"5CG1234AB-").is_err());
    }
}
