//! One module per page of the portal.

pub mod account;
pub mod alerts;
pub mod customer_home;
pub mod customers;
pub mod devices;
pub mod landing;
pub mod not_found;
pub mod portfolio_home;
pub mod repair_requests;
pub mod settings;
pub mod sign_in;
pub mod support;
pub mod transfers;
pub mod unassigned;
