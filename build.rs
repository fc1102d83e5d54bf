//! With the `split` feature, the portal's wasm keeps the linker's
//! relocations: wasm-split-cli needs them to move the pages behind sign-in
//! into their own module (scripts/split-app.sh).

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some();
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if split && wasm {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
