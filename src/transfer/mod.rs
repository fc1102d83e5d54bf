//! The browser side of transfers: reading and reviewing files in the
//! transfer worker, and timing the verdict.

pub mod timing;
pub mod worker;
