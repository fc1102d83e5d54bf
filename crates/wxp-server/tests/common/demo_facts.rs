//! What the standard demo seed holds, to name in requests: customers by
//! name, their cPINs, the first PCs of a tenant.

use wxp_core::seed::{self, DemoConfig, World};
use wxp_core::{Customer, CustomerId, PartnerId, TenantId};

/// The standard demo seed, generated as both backends generate it.
pub struct DemoFacts {
    pub world: World,
}

impl DemoFacts {
    pub fn new() -> DemoFacts {
        DemoFacts {
            world: seed::generate(DemoConfig::default()),
        }
    }

    /// The customer called `name`.
    pub fn record(&self, name: &str) -> &Customer {
        self.world
            .customers
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("no customer {name} in the demo seed"))
    }

    /// Its Customer ID.
    pub fn customer(&self, name: &str) -> CustomerId {
        self.record(name).id.clone()
    }

    /// Its cPIN.
    pub fn cpin(&self, name: &str) -> String {
        self.record(name).cpin.clone()
    }

    /// The serial numbers of the first `n` PCs of `tenant`.
    pub fn serials(&self, tenant: &TenantId, n: usize) -> Vec<String> {
        self.world.tenants[tenant][..n]
            .iter()
            .map(|d| d.serial.to_string())
            .collect()
    }

    /// … of partner `partner`'s Unassigned Devices.
    pub fn holding(&self, partner: &str, n: usize) -> Vec<String> {
        self.serials(&TenantId::Holding(PartnerId(partner.into())), n)
    }

    /// … of customer `name`.
    pub fn of(&self, name: &str, n: usize) -> Vec<String> {
        self.serials(&TenantId::Customer(self.customer(name)), n)
    }
}
