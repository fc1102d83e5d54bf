//! Domain core of the HP Workforce Experience Platform (WXP) partner portal.
//!
//! Nothing here touches the web: it builds and tests natively in seconds, and
//! the browser app runs it unchanged as its mock backend.
//!
//! The main types, in the order a reader meets them:
//!
//! - [`model`]: partners, customers (with their Customer ID and cPIN),
//!   tenants (a partner's holding tenant, a customer's dashboard), devices,
//!   users and their roles.
//! - [`seed`]: realistic demo data generated deterministically from a
//!   [`seed::DemoConfig`], at any size.
//! - [`engine::Engine`]: answers the backend's operations and enforces who
//!   may see what. Its state is the seed plus a log of [`engine::Event`]s,
//!   which is what [`store`] persists.
//! - [`rules`]: the domain's decisions (who may see what, whether a
//!   transfer is accepted, each row's and each enrolled PC's outcome, where
//!   a repair request goes…) as pure functions over facts. The engine
//!   gathers those facts from memory and a server from its database; both
//!   apply the same rules.
//! - [`device_query`]: sorting and filtering of device lists, fast enough
//!   for 100,000 devices per keystroke.
//! - [`export`]: CSV output that is safe to open in Excel.
//! - [`api`]: the JSON the page and the server exchange, beside the domain
//!   types that travel as they are.
//! - [`local_api`]: the in-browser backend's API: the server's routes,
//!   answered by the engine, for a web worker to serve the page.
#![deny(missing_docs)]

pub mod api;
pub mod catalog;
pub mod date;
pub mod device_query;
pub mod engine;
pub mod export;
pub mod fast_hash;
pub mod format;
pub mod ids;
pub mod ingest;
pub mod local_api;
pub mod model;
pub mod rng;
pub mod rules;
pub mod seed;
pub mod serial;
pub mod store;
pub mod transfer_file;

pub use engine::{AccessError, Engine};
pub use ids::{CustomerId, PartnerId, TenantId, UserId};
pub use model::{Customer, Device, Partner, PartnerKind, Role, SupportPlan, User};
pub use serial::SerialNumber;
