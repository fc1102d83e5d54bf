//! Helpers of the isolation matrix and the hostile-input tests. A test file
//! takes them with `#[path = "common/kit/mod.rs"] mod kit;` beside `mod common;`.

#![allow(dead_code)]

pub mod batch;
pub mod described;
pub mod fixtures;
pub mod json_paths;
pub mod raw_http;
pub mod sessions;
pub mod tables;
