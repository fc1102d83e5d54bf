//! The browser side of transfers: reading files in the worker, and the
//! account facts the review checks rows against.

pub mod directory;
pub mod worker;
