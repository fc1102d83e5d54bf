//! The WXP partner portal: a Leptos client-side rendered app.
//!
//! Pages talk to the backend only through [`backend::Backend`]; the default
//! is the in-browser mock that runs the domain engine of `wxp-core` and keeps
//! its state in local storage. Logic lives in `wxp-core`, tested natively;
//! components here stay thin.

pub mod app;
pub mod backend;
pub mod browser;
pub mod components;
pub mod i18n;
pub mod lazy_pages;
pub mod lists;
pub mod pages;
pub mod paths;
pub mod session;
pub mod transfer;

// The unit tests in `src` run in headless Chromium, like the component
// tests (`cargo test --target wasm32-unknown-unknown`).
#[cfg(all(test, target_arch = "wasm32"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app on the page's `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
