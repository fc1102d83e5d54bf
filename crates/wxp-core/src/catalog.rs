//! Real HP business PC models and the word lists the demo data is made of.

use crate::model::SupportPlan;

/// An HP business PC model with one of its product numbers.
#[derive(Debug, Clone, Copy)]
pub struct PcModel {
    /// Marketing name.
    pub name: &'static str,
    /// A product number (SKU) of that model.
    pub product_number: &'static str,
    /// Relative frequency in the demo fleet.
    pub weight: u32,
    /// The plan most of these are sold with (workstations lean to Premium+).
    pub usual_plan: SupportPlan,
}

const fn pc(name: &'static str, product_number: &'static str, weight: u32) -> PcModel {
    PcModel {
        name,
        product_number,
        weight,
        usual_plan: SupportPlan::Premium,
    }
}

const fn workstation(name: &'static str, product_number: &'static str, weight: u32) -> PcModel {
    PcModel {
        name,
        product_number,
        weight,
        usual_plan: SupportPlan::PremiumPlus,
    }
}

/// The models of the demo fleet.
pub const MODELS: &[PcModel] = &[
    pc("HP EliteBook 840 G10", "818F3EA", 18),
    pc("HP EliteBook 860 G10", "819W2EA", 10),
    pc("HP EliteBook 1040 G10", "6T2A8EA", 5),
    pc("HP EliteBook 640 G10", "85B45EA", 9),
    pc("HP ProBook 450 G10", "85C38EA", 14),
    pc("HP ProBook 440 G10", "85B05EA", 12),
    pc("HP Elite x360 1040 G10", "6T2B3EA", 3),
    pc("HP Elite Dragonfly G4", "819G4EA", 3),
    pc("HP EliteDesk 800 G9 SFF", "6B1D3EA", 8),
    pc("HP Elite Mini 800 G9", "6B2D5EA", 7),
    pc("HP ProDesk 400 G9 SFF", "6A751EA", 6),
    pc("HP Elite Tower 800 G9", "6B2F2EA", 2),
    workstation("HP ZBook Firefly 14 G10", "865S0EA", 4),
    workstation("HP ZBook Power 15 G10", "866A2EA", 3),
    workstation("HP Z2 Tower G9", "5F0D6EA", 2),
];

/// The first three characters of HP serial numbers: the factory.
pub const SERIAL_PREFIXES: &[&str] = &["5CG", "5CD", "8CG", "CND", "MXL", "2UA", "CZC", "4CE"];

/// First names for the demo's PC users.
pub const FIRST_NAMES: &[&str] = &[
    "Alice",
    "Marco",
    "Giulia",
    "James",
    "Sofia",
    "Luca",
    "Emma",
    "Noah",
    "Chiara",
    "Oliver",
    "Francesca",
    "Liam",
    "Elena",
    "Lucas",
    "Martina",
    "Hannah",
    "Matteo",
    "Amelia",
    "Davide",
    "Isla",
    "Paolo",
    "Grace",
    "Sara",
    "Jack",
];

/// Last names for the demo's PC users.
pub const LAST_NAMES: &[&str] = &[
    "Rossi", "Smith", "Bianchi", "Jones", "Romano", "Taylor", "Colombo", "Brown", "Ricci",
    "Wilson", "Marino", "Evans", "Greco", "Thomas", "Bruno", "Walker", "Gallo", "Wright", "Conti",
    "Hughes",
];

/// Office locations for the demo's PCs.
pub const LOCATIONS: &[&str] = &[
    "Milan, IT",
    "Rome, IT",
    "Turin, IT",
    "Bologna, IT",
    "London, GB",
    "Manchester, GB",
    "Dublin, IE",
    "Paris, FR",
    "Lyon, FR",
    "Munich, DE",
    "Berlin, DE",
    "Madrid, ES",
    "Barcelona, ES",
    "Amsterdam, NL",
    "Zurich, CH",
    "Vienna, AT",
];
