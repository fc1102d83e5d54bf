//! Entry point of the wasm binary that trunk builds.

fn main() {
    wxp_portal::mount();
}
