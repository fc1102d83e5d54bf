//! The server's clock, in the domain's terms.

use std::time::{SystemTime, UNIX_EPOCH};
use wxp_core::date::Timestamp;

/// Now, in whole seconds since 1970.
pub fn now() -> Timestamp {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Timestamp(secs as i64)
}

/// Now, in milliseconds since 1970: for when a job is due and when a change
/// was made, which a second is too coarse for.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}
