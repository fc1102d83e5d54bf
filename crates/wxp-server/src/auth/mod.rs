//! Who is acting: sessions, passwords, and the extractor that turns a
//! request's session cookie into the acting user.
//!
//! Identity comes from the session only. Nothing in a header, body or URL
//! names the user; the cookie's token is random, and the database keeps only
//! its SHA-256.

pub mod password;
pub mod session;
pub mod throttle;

pub use session::{Actor, OperatorToken};

/// The key under which an e-mail address is looked up (and throttled): the
/// domain's, under which an address names one account.
pub use wxp_core::rules::dashboard::email_key;
