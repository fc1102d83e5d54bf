//! Reusable pieces of the portal's pages.

pub mod bar_chart;
pub mod copy_button;
pub mod create_customer;
pub mod device_table;
pub mod download_summary;
pub mod enrol;
pub mod file_picker;
pub mod loaded;
pub mod notification_center;
pub mod setup_notice;
pub mod shell;
pub mod startup_notice;
pub mod transfer_dialog;
