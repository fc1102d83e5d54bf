//! Realistic demo data, generated deterministically from a seed.
//!
//! The same [`DemoConfig`] always yields the same partners, customers and
//! devices, so tests can name them; [`DemoSize::Large`] puts 100,000 PCs in
//! the main partner's holding tenant for benchmarks and demos.

use crate::catalog::{self, PcModel};
use crate::date::{Date, Timestamp};
use crate::ids::{CustomerId, PartnerId, TenantId, UserId};
use crate::model::{Customer, Device, Partner, PartnerKind, Role, SupportPlan, User};
use crate::rng::Rng;
use crate::serial::{SerialNumber, SERIAL_LEN};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

/// How much demo data to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum DemoSize {
    /// A few thousand PCs over three partners.
    #[default]
    Standard,
    /// As Standard, with 100,000 PCs in the main partner's holding tenant.
    Large,
}

impl DemoSize {
    /// Both sizes, in display order.
    pub const ALL: [DemoSize; 2] = [DemoSize::Standard, DemoSize::Large];

    /// The PCs in the main partner's holding tenant.
    pub fn main_holding_devices(self) -> usize {
        match self {
            DemoSize::Standard => 1_200,
            DemoSize::Large => 100_000,
        }
    }
}

/// Everything that determines the demo data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoConfig {
    /// The seed of the random generator.
    pub seed: u64,
    /// How many PCs.
    pub size: DemoSize,
}

impl Default for DemoConfig {
    fn default() -> Self {
        DemoConfig {
            seed: 2026,
            size: DemoSize::Standard,
        }
    }
}

/// The instant the demo's "last seen" times count back from.
pub fn demo_now() -> Timestamp {
    Timestamp::at(Date::from_ymd(2026, 11, 20), 9, 0)
}

/// The whole state of the demo: who exists and where every PC is.
#[derive(Debug, Clone, PartialEq)]
pub struct World {
    /// Every partner.
    pub partners: Vec<Partner>,
    /// Every customer, of every partner.
    pub customers: Vec<Customer>,
    /// Every user.
    pub users: Vec<User>,
    /// The PCs of each tenant. A partner whose setup is incomplete has no
    /// holding tenant, hence no entry.
    pub tenants: BTreeMap<TenantId, Vec<Device>>,
}

struct CustomerPlan {
    name: &'static str,
    country: &'static str,
    devices: usize,
    insights: bool,
}

struct PartnerPlan {
    id: &'static str,
    name: &'static str,
    kind: PartnerKind,
    setup_complete: bool,
    /// PCs in the holding tenant; `None` for the main partner (set by size).
    holding: Option<usize>,
    customers: &'static [CustomerPlan],
}

const fn customer(
    name: &'static str,
    country: &'static str,
    devices: usize,
    insights: bool,
) -> CustomerPlan {
    CustomerPlan {
        name,
        country,
        devices,
        insights,
    }
}

const PARTNERS: &[PartnerPlan] = &[
    PartnerPlan {
        id: "PRT-ALPINE",
        name: "Alpine IT Solutions",
        kind: PartnerKind::ResellViewMonitor,
        setup_complete: true,
        holding: None,
        customers: &[
            customer("Contoso Ltd", "Italy", 420, true),
            customer("Fabrikam Inc", "United Kingdom", 310, false),
            customer("Northwind Traders", "Italy", 260, true),
            customer("Adventure Works", "Germany", 180, true),
            customer("Tailspin Toys", "France", 95, false),
            customer("Wide World Importers", "Spain", 140, true),
            customer("Litware Inc", "Netherlands", 0, false),
        ],
    },
    PartnerPlan {
        id: "PRT-BRIGHT",
        name: "Brightline Services",
        kind: PartnerKind::ServiceDelivery,
        setup_complete: true,
        holding: Some(350),
        customers: &[
            customer("Woodgrove Bank", "Ireland", 240, true),
            customer("Proseware Inc", "Switzerland", 120, false),
            customer("Lucerne Publishing", "Austria", 90, true),
        ],
    },
    PartnerPlan {
        id: "PRT-COBALT",
        name: "Cobalt Systems",
        kind: PartnerKind::ResellViewMonitor,
        setup_complete: false,
        holding: Some(0),
        customers: &[
            customer("Trey Research", "Italy", 75, true),
            customer("Margie's Travel", "Spain", 40, false),
        ],
    },
];

struct UserPlan {
    id: &'static str,
    name: &'static str,
    email: &'static str,
    partner: &'static str,
    /// The customer's name for an IT Admin; `None` for a Partner Admin.
    customer: Option<&'static str>,
}

const USERS: &[UserPlan] = &[
    UserPlan {
        id: "u-alpine-admin",
        name: "Giulia Rossi",
        email: "giulia.rossi@alpine-it.example",
        partner: "PRT-ALPINE",
        customer: None,
    },
    UserPlan {
        id: "u-bright-admin",
        name: "James Walker",
        email: "james.walker@brightline.example",
        partner: "PRT-BRIGHT",
        customer: None,
    },
    UserPlan {
        id: "u-cobalt-admin",
        name: "Sara Conti",
        email: "sara.conti@cobalt.example",
        partner: "PRT-COBALT",
        customer: None,
    },
    UserPlan {
        id: "u-contoso-it",
        name: "Marco Bianchi",
        email: "marco.bianchi@contoso.example",
        partner: "PRT-ALPINE",
        customer: Some("Contoso Ltd"),
    },
    UserPlan {
        id: "u-fabrikam-it",
        name: "Emma Taylor",
        email: "emma.taylor@fabrikam.example",
        partner: "PRT-ALPINE",
        customer: Some("Fabrikam Inc"),
    },
];

/// Generates the demo world of `config`.
pub fn generate(config: DemoConfig) -> World {
    let mut gen = DeviceGenerator::new(config.seed);
    let mut rng = Rng::new(config.seed ^ 0x5EED_C0DE);
    let mut partners = Vec::new();
    let mut customers = Vec::new();
    let mut tenants = BTreeMap::new();

    for plan in PARTNERS {
        let partner_id = PartnerId(plan.id.to_owned());
        partners.push(Partner {
            id: partner_id.clone(),
            name: plan.name.to_owned(),
            kind: plan.kind,
            setup_complete: plan.setup_complete,
        });
        if plan.setup_complete {
            let count = plan.holding.unwrap_or(config.size.main_holding_devices());
            tenants.insert(TenantId::Holding(partner_id.clone()), gen.devices(count));
        }
        for c in plan.customers {
            let id = unique_customer_id(&mut rng, &customers);
            tenants.insert(TenantId::Customer(id.clone()), gen.devices(c.devices));
            customers.push(Customer {
                id,
                partner: partner_id.clone(),
                name: c.name.to_owned(),
                country: c.country.to_owned(),
                cpin: cpin(&mut rng),
                insights_collection: c.insights,
                // Turned on automatically by the first Premium / Premium+ PC.
                self_service_alerts: c.devices > 0,
            });
        }
    }

    let users = USERS
        .iter()
        .map(|u| User {
            id: UserId(u.id.to_owned()),
            name: u.name.to_owned(),
            email: u.email.to_owned(),
            role: match u.customer {
                None => Role::PartnerAdmin {
                    partner: PartnerId(u.partner.to_owned()),
                },
                Some(name) => Role::ItAdmin {
                    customer: customers
                        .iter()
                        .find(|c| c.name == name)
                        .expect("IT Admins belong to seeded customers")
                        .id
                        .clone(),
                },
            },
        })
        .collect();

    World {
        partners,
        customers,
        users,
        tenants,
    }
}

fn unique_customer_id(rng: &mut Rng, existing: &[Customer]) -> CustomerId {
    loop {
        let id = CustomerId::from_bits(rng.next_u64() as u32);
        if existing.iter().all(|c| c.id != id) {
            return id;
        }
    }
}

/// A customer PIN: eight characters from an alphabet without look-alikes.
pub fn cpin(rng: &mut Rng) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    (0..8).map(|_| *rng.pick(ALPHABET) as char).collect()
}

/// Makes PCs with unique, plausible serial numbers.
struct DeviceGenerator {
    rng: Rng,
    used: HashSet<SerialNumber>,
    models: Vec<(Arc<str>, Arc<str>, SupportPlan)>,
    model_weights: Vec<u32>,
    users: Vec<Arc<str>>,
    locations: Vec<Arc<str>>,
}

impl DeviceGenerator {
    fn new(seed: u64) -> Self {
        let model = |m: &PcModel| (Arc::from(m.name), Arc::from(m.product_number), m.usual_plan);
        let mut users = Vec::new();
        for first in catalog::FIRST_NAMES {
            for last in catalog::LAST_NAMES {
                users.push(Arc::from(format!("{first} {last}")));
            }
        }
        DeviceGenerator {
            rng: Rng::new(seed),
            used: HashSet::new(),
            models: catalog::MODELS.iter().map(model).collect(),
            model_weights: catalog::MODELS.iter().map(|m| m.weight).collect(),
            users,
            locations: catalog::LOCATIONS.iter().map(|&l| Arc::from(l)).collect(),
        }
    }

    fn devices(&mut self, count: usize) -> Vec<Device> {
        (0..count).map(|_| self.device()).collect()
    }

    fn device(&mut self) -> Device {
        let serial = self.serial();
        let chosen = self.weighted_model();
        let (model, product_number, usual_plan) = self.models[chosen].clone();
        let plan = if self.rng.chance(75) {
            usual_plan
        } else {
            SupportPlan::ALL[self.rng.below(2) as usize]
        };
        let start = Date::from_ymd(2026, 1, 1).0 as i64;
        let end = Date::from_ymd(2030, 12, 31).0 as i64;
        let warranty_end = Date(self.rng.between(start, end) as i32);
        let last_seen = Timestamp(demo_now().0 - self.rng.between(0, 30 * 86_400));
        Device {
            serial,
            model,
            product_number,
            plan,
            warranty_end,
            last_seen,
            last_user: Some(self.rng.pick(&self.users).clone()),
            location: Some(self.rng.pick(&self.locations).clone()),
        }
    }

    fn weighted_model(&mut self) -> usize {
        let total: u32 = self.model_weights.iter().sum();
        let mut ticket = self.rng.below(total as u64) as u32;
        for (i, w) in self.model_weights.iter().enumerate() {
            if ticket < *w {
                return i;
            }
            ticket -= w;
        }
        unreachable!("the ticket is below the total weight")
    }

    /// Factory code, year digit, week of year, four-character sequence:
    /// the shape of real HP serials such as `5CG3214K7Q`.
    fn serial(&mut self) -> SerialNumber {
        const SEQ: &[u8] = b"0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        loop {
            let mut text = String::with_capacity(SERIAL_LEN);
            let factory: &&str = self.rng.pick(catalog::SERIAL_PREFIXES);
            text.push_str(factory);
            text.push(char::from(b'2' + self.rng.below(5) as u8));
            text.push_str(&format!("{:02}", 1 + self.rng.below(52)));
            for _ in 0..4 {
                text.push(*self.rng.pick(SEQ) as char);
            }
            let serial = SerialNumber::parse(&text).expect("generated serials are well formed");
            if self.used.insert(serial) {
                return serial;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_config_same_world() {
        assert_eq!(
            generate(DemoConfig::default()),
            generate(DemoConfig::default())
        );
        let other = generate(DemoConfig {
            seed: 1,
            ..DemoConfig::default()
        });
        assert_ne!(other, generate(DemoConfig::default()));
    }

    #[test]
    fn standard_world_has_what_the_demo_promises() {
        let world = generate(DemoConfig::default());
        assert_eq!(world.partners.len(), 3);
        let main = &world.partners[0];
        assert!(main.setup_complete);
        let main_customers = world
            .customers
            .iter()
            .filter(|c| c.partner == main.id)
            .count();
        assert!(main_customers >= 6);
        let total: usize = world.tenants.values().map(Vec::len).sum();
        assert!((3_000..6_000).contains(&total), "{total} PCs");
        // The incomplete partner has no holding tenant.
        assert!(!world
            .tenants
            .contains_key(&TenantId::Holding(PartnerId("PRT-COBALT".into()))));
    }

    #[test]
    fn serials_are_unique_across_tenants() {
        let world = generate(DemoConfig::default());
        let mut seen = HashSet::new();
        for device in world.tenants.values().flatten() {
            assert!(seen.insert(device.serial), "{} twice", device.serial);
        }
    }

    #[test]
    fn large_world_puts_100_000_pcs_in_the_main_holding_tenant() {
        let world = generate(DemoConfig {
            size: DemoSize::Large,
            ..DemoConfig::default()
        });
        let holding = &world.tenants[&TenantId::Holding(PartnerId("PRT-ALPINE".into()))];
        assert_eq!(holding.len(), 100_000);
    }
}
