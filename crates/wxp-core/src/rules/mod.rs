//! The domain's decisions as pure functions over facts. The in-browser
//! engine and the server gather facts their own way (memory, SQL) and apply
//! these; neither holds a copy of the logic.
//!
//! Every function here takes what it needs as arguments (the acting user's
//! role, the records concerned, counts, or a closure answering "where is this
//! PC?") and returns a decision: no function reads a store, so the same rule
//! serves [`crate::engine::Engine`] over its in-memory world and a server
//! over its database.
//!
//! - [`access`]: who may see which customer, holding tenant, alert and PC
//!   field, and where a PC appears to a user.
//! - [`transfer`]: whether a transfer may be queued, and each row's result
//!   when it runs.
//! - [`enrolment`]: the cPIN and each enrolled serial number's outcome.
//! - [`alerts`]: who an alert reaches, where its repair request goes, and
//!   when self-service alerts may change.
//! - [`dashboard`]: a new customer's checks and its first IT Admin.
//! - [`support`]: a new support case's checks.
//! - [`text`]: which characters, and how many, the texts a client sends
//!   may hold.

pub mod access;
pub mod alerts;
pub mod dashboard;
pub mod enrolment;
pub mod support;
pub mod text;
pub mod transfer;
