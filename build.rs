//! Three things the build decides for the portal's wasm:
//!
//! - With the `split` feature, it keeps the linker's relocations:
//!   wasm-split-cli needs them to move the pages behind sign-in into their
//!   own module (scripts/split-app.sh).
//! - Which message catalogues (`locales/<language>/<file>.ftl`) are built
//!   into it (src/i18n/catalogues.rs). Text is data, and wasm-split moves
//!   code only, so with `split` only the first screen's English is built in;
//!   without it (component tests, `cargo check`) every catalogue is.
//! - The version of the pages' style sheet, `style/pages.css`, which the
//!   pages load by an address that names it (src/lazy_pages.rs).

use std::fmt::Write;
use std::path::Path;

/// The catalogues the first screen (the sign-in page, the start-up
/// notices, the page for an unknown address) reads its messages from.
const FIRST_SCREEN: [&str; 3] = ["sign-in", "shell", "session"];

/// The language the first module speaks without fetching anything.
const BUILT_IN_LANGUAGE: &str = "en";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=locales");
    println!("cargo:rerun-if-changed=style/pages.css");
    let pages_css = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("style/pages.css"))
        .expect("style/pages.css is readable");
    println!(
        "cargo:rustc-env=PAGES_CSS_VERSION={:016x}",
        fnv1a(&pages_css)
    );
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some();
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if split && wasm {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalogues.rs");
    std::fs::write(out, catalogues(split)).expect("OUT_DIR is writable");
}

/// A 64-bit FNV-1a hash: the version of a file served under a fixed name.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The generated `catalogues.rs`: the languages, the files, and the text of
/// those built in.
fn catalogues(split: bool) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let names = |dir: &Path| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|entry| entry.expect("a readable directory entry").path())
            .filter_map(|path| {
                let name = path.file_name()?.to_str()?.to_owned();
                (path.is_dir() || name.ends_with(".ftl"))
                    .then(|| name.trim_end_matches(".ftl").to_owned())
            })
            .collect();
        names.sort();
        names
    };
    let languages = names(&root);
    let files = names(&root.join(BUILT_IN_LANGUAGE));
    for file in FIRST_SCREEN {
        assert!(
            files.iter().any(|f| f == file),
            "locales/{BUILT_IN_LANGUAGE}/{file}.ftl is missing"
        );
    }
    let mut code = String::new();
    let list = |items: &[String]| {
        items
            .iter()
            .map(|i| format!("{i:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let first = FIRST_SCREEN.map(|f| format!("{f:?}")).join(", ");
    writeln!(
        code,
        "/// The languages of `locales/`.\npub(super) const LANGUAGES: &[&str] = &[{}];",
        list(&languages)
    )
    .unwrap();
    writeln!(code, "/// Every catalogue file of a language, without `.ftl`.\npub(super) const FILES: &[&str] = &[{}];", list(&files)).unwrap();
    writeln!(code, "/// The files the first screen reads (build.rs).\npub(super) const FIRST_SCREEN: &[&str] = &[{first}];").unwrap();
    writeln!(code, "/// The language built in whatever the build.\npub(super) const BUILT_IN_LANGUAGE: &str = {BUILT_IN_LANGUAGE:?};").unwrap();
    code.push_str("/// The text of a catalogue built into this wasm, if it is.\n");
    code.push_str("pub(super) fn built_in(language: &str, file: &str) -> Option<&'static str> {\n    match (language, file) {\n");
    for language in &languages {
        for file in &files {
            let path = root.join(language).join(format!("{file}.ftl"));
            let built_in =
                !split || (language == BUILT_IN_LANGUAGE && FIRST_SCREEN.contains(&file.as_str()));
            if built_in && path.exists() {
                writeln!(
                    code,
                    "        ({language:?}, {file:?}) => Some(include_str!({:?})),",
                    path.display().to_string()
                )
                .unwrap();
            }
        }
    }
    code.push_str("        _ => None,\n    }\n}\n");
    code
}
