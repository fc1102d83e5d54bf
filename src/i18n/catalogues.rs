//! The portal's messages, loaded language by language and part by part.
//!
//! Fluent text is data, and wasm-split moves code only: whatever catalogue
//! is built into the wasm weighs on the first download. With the `split`
//! feature (the release build), the wasm therefore carries only the first
//! screen's messages in English (build.rs lists them); every other
//! catalogue is fetched from `/locales/<language>/<file>.ftl`, which trunk
//! copies into the build, when it is first needed:
//!
//! - the first screen's, in another language, before that language shows
//!   ([`MessagesShown`], [`switch_to`]);
//! - the pages', with the pages' code (`src/lazy_pages.rs`), and again on
//!   every switch of language once they have been;
//! - every other language's, in the background once the pages' are here
//!   ([`prefetch_other_languages`]), so that a switch is at once.
//!
//! Without `split` (component tests), every catalogue is built in and
//! nothing is fetched. Either way, leptos-fluent's compile-time check of
//! the messages against the code reads every file of `locales/`.

use crate::browser::fetch_text;
use leptos::prelude::*;
use leptos_fluent::__reexports::fluent_bundle::FluentResource;
use leptos_fluent::__reexports::fluent_templates::{
    FluentBundle, LanguageIdentifier, StaticLoader,
};
use leptos_fluent::I18n;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));

/// A part of the portal, by the catalogues its messages are in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The sign-in page, the start-up notices, the page for an unknown
    /// address.
    FirstScreen,
    /// Everything behind sign-in.
    Pages,
}

impl Part {
    fn files(self) -> impl Iterator<Item = &'static str> {
        FILES
            .iter()
            .copied()
            .filter(move |file| FIRST_SCREEN.contains(file) == (self == Part::FirstScreen))
    }
}

/// A catalogue that could not be loaded: which, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct CatalogueError {
    /// `locales/<language>/<file>.ftl`.
    pub path: String,
    /// What went wrong: the fetch's failure, or the first syntax error with
    /// its line.
    pub reason: String,
}

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

/// The catalogues loaded so far.
#[derive(Default)]
struct Loaded {
    /// Language, file and its parsed messages, in the order loaded.
    resources: Vec<(&'static str, &'static str, &'static FluentResource)>,
    /// The pages' catalogues were asked for: a switch of language loads
    /// them as well.
    pages_wanted: bool,
}

impl Loaded {
    fn has(&self, language: &str, file: &str) -> bool {
        self.resources
            .iter()
            .any(|&(l, f, _)| l == language && f == file)
    }
}

thread_local! {
    static LOADED: RefCell<Loaded> = RefCell::default();
    /// What leptos-fluent looks messages up in: rebuilt at every load.
    static LOADER: RwSignal<Option<&'static LazyLock<StaticLoader>>> = RwSignal::new(None);
    /// Whether the other languages' catalogues were asked for.
    static PREFETCHED: Cell<bool> = const { Cell::new(false) };
    /// Hands a built loader to the `LazyLock` leptos-fluent's type asks for
    /// (its initialiser is a plain `fn`, which captures nothing).
    static NEXT_LOADER: Cell<Option<StaticLoader>> = const { Cell::new(None) };
}

/// The loaded catalogues, as leptos-fluent's `translations:` takes them:
/// reading them tracks every later load.
#[derive(Clone, Copy, Debug)]
pub struct LoadedCatalogues;

/// [`LoadedCatalogues`], for `leptos_fluent! { translations: … }`.
pub const LOADED_CATALOGUES: LoadedCatalogues = LoadedCatalogues;

impl IntoIterator for LoadedCatalogues {
    type Item = &'static LazyLock<StaticLoader>;
    type IntoIter = std::option::IntoIter<Self::Item>;

    fn into_iter(self) -> Self::IntoIter {
        LOADER.with(|loader| loader.get()).into_iter()
    }
}

/// Whether `language`'s catalogues of `part` are all loaded.
pub fn has(language: &str, part: Part) -> bool {
    LOADED.with(|loaded| {
        let loaded = loaded.borrow();
        part.files().all(|file| loaded.has(language, file))
    })
}

/// Loads every catalogue built into the wasm; called once, before the
/// first message is looked up.
pub fn load_built_in() {
    let mut added = false;
    for language in LANGUAGES {
        for file in FILES {
            if let Some(text) = built_in(language, file) {
                added |= add(language, file, text).unwrap_or(false);
            }
        }
    }
    if added {
        publish();
    }
}

/// Loads `language`'s catalogues of `part` that are not loaded yet.
pub async fn ensure(language: &'static str, part: Part) -> Result<(), CatalogueError> {
    if part == Part::Pages {
        LOADED.with(|loaded| loaded.borrow_mut().pages_wanted = true);
    }
    let missing: Vec<&'static str> = LOADED.with(|loaded| {
        let loaded = loaded.borrow();
        part.files()
            .filter(|file| !loaded.has(language, file))
            .collect()
    });
    if missing.is_empty() {
        return Ok(());
    }
    // Every request is sent before the first answer is awaited.
    let requests: Vec<_> = missing
        .iter()
        .map(|file| (*file, fetch_text(&url(language, file))))
        .collect();
    let (mut outcome, mut added) = (Ok(()), false);
    for (file, request) in requests {
        let text = request.await.map_err(|reason| CatalogueError {
            path: path(language, file),
            reason,
        });
        // Whatever did load is kept, so that a retry fetches only the rest.
        match text.and_then(|text| add(language, file, &text)) {
            Ok(new) => added |= new,
            Err(e) => outcome = outcome.and(Err(e)),
        }
    }
    if added {
        publish();
    }
    outcome
}

/// Fetches, in the background, every other language's catalogues, once a
/// page: once they are here, switching language is at once, and works with
/// the server out of reach. They wait until the page is idle, so as not to
/// compete with what it is showing. A failure is left for a switch to that
/// language to say.
pub fn prefetch_other_languages(shown: &'static str) {
    if PREFETCHED.with(|prefetched| prefetched.replace(true)) {
        return;
    }
    request_idle_callback(move || {
        for &language in LANGUAGES.iter().filter(|&&language| language != shown) {
            wasm_bindgen_futures::spawn_local(async move {
                if ensure(language, Part::FirstScreen).await.is_ok() {
                    let _ = ensure(language, Part::Pages).await;
                }
            });
        }
    });
}

/// Loads what `language` needs here (the first screen's catalogues, and the
/// pages' once they were asked for), then shows it.
pub async fn switch_to(
    i18n: I18n,
    language: &'static leptos_fluent::Language,
) -> Result<(), CatalogueError> {
    ensure(language.id, Part::FirstScreen).await?;
    if LOADED.with(|loaded| loaded.borrow().pages_wanted) {
        ensure(language.id, Part::Pages).await?;
    }
    i18n.language.set(language);
    Ok(())
}

/// `locales/<language>/<file>.ftl`, as served beside the app.
fn url(language: &str, file: &str) -> String {
    format!("/{}", path(language, file))
}

fn path(language: &str, file: &str) -> String {
    format!("locales/{language}/{file}.ftl")
}

/// Parses a catalogue and keeps it for good (bundles borrow their messages
/// for the page's lifetime); whether it was not loaded yet.
fn add(language: &'static str, file: &'static str, text: &str) -> Result<bool, CatalogueError> {
    if LOADED.with(|loaded| loaded.borrow().has(language, file)) {
        return Ok(false);
    }
    let resource = FluentResource::try_new(text.to_owned()).map_err(|(_, errors)| {
        let first = errors.first();
        CatalogueError {
            path: path(language, file),
            reason: match first {
                Some(error) => {
                    let line = text[..error.pos.start.min(text.len())]
                        .matches('\n')
                        .count()
                        + 1;
                    format!("line {line}: {error}")
                }
                None => "it cannot be read".into(),
            },
        }
    })?;
    let resource: &'static FluentResource = Box::leak(Box::new(resource));
    LOADED.with(|loaded| {
        loaded
            .borrow_mut()
            .resources
            .push((language, file, resource))
    });
    Ok(true)
}

/// Rebuilds the loader from every catalogue loaded, and hands it to
/// leptos-fluent.
fn publish() {
    let mut bundles: HashMap<LanguageIdentifier, FluentBundle<&'static FluentResource>> =
        HashMap::new();
    LOADED.with(|loaded| {
        for &(language, _, resource) in &loaded.borrow().resources {
            let id: LanguageIdentifier = language.parse().expect("locales/ names languages");
            let bundle = bundles.entry(id.clone()).or_insert_with(|| {
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                // Fluent wraps each placeable in Unicode isolation marks by
                // default; both languages are left-to-right, and the marks
                // would end up in copied text and in what assistive
                // technology reads.
                bundle.set_use_isolating(false);
                bundle
            });
            // A message defined twice fails leptos-fluent's build-time
            // check; the first definition stays.
            let _ = bundle.add_resource(resource);
        }
    });
    // A language's chain of fallbacks serves lookups leptos-fluent never
    // makes (`lookup_no_default_fallback`, `locales`): its lookups
    // negotiate among the bundles, then fall back to `fallback`.
    let fallbacks = Box::leak(Box::default());
    let fallback = BUILT_IN_LANGUAGE.parse().expect("a language identifier");
    let loader = StaticLoader::new(Box::leak(Box::new(bundles)), fallbacks, fallback);
    NEXT_LOADER.with(|next| next.set(Some(loader)));
    let loader: &'static LazyLock<StaticLoader> = Box::leak(Box::new(LazyLock::new(
        take_next_loader as fn() -> StaticLoader,
    )));
    LazyLock::force(loader);
    LOADER.with(|signal| signal.set(Some(loader)));
}

fn take_next_loader() -> StaticLoader {
    NEXT_LOADER
        .with(Cell::take)
        .expect("publish() sets the loader before forcing it")
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn the_first_screen_and_the_pages_share_out_every_file() {
        let first: Vec<_> = Part::FirstScreen.files().collect();
        let pages: Vec<_> = Part::Pages.files().collect();
        assert_eq!(first, ["session", "shell", "sign-in"]);
        assert_eq!(first.len() + pages.len(), FILES.len());
        assert!(pages.contains(&"transfer"));
    }

    /// The first screen's code: every message it names must be in the
    /// first screen's catalogues, or it would read "Unknown localization"
    /// until the pages' catalogues load. (src/i18n/messages.rs words both
    /// parts; the end-to-end sign-in test reads the page for that text.)
    const FIRST_SCREEN_CODE: [&str; 9] = [
        include_str!("../pages/sign_in/mod.rs"),
        include_str!("../pages/sign_in/demo_accounts.rs"),
        include_str!("../pages/sign_in/demo_data.rs"),
        include_str!("../pages/sign_in/password_form.rs"),
        include_str!("../pages/not_found.rs"),
        include_str!("../components/startup_notice.rs"),
        include_str!("../components/loaded.rs"),
        include_str!("../lazy_pages.rs"),
        include_str!("switch.rs"),
    ];

    #[test]
    fn the_first_screen_names_only_messages_of_its_catalogues() {
        let defined: Vec<String> = Part::FirstScreen
            .files()
            .flat_map(|file| built_in(BUILT_IN_LANGUAGE, file).unwrap().lines())
            .filter_map(|line| Some(line.split_once(" =")?.0.to_owned()))
            .collect();
        let mut named = 0;
        for code in FIRST_SCREEN_CODE {
            for (_, rest) in code
                .match_indices("tr!(\"")
                .map(|(i, _)| code.split_at(i + 5))
            {
                let id = rest.split('"').next().unwrap();
                assert!(
                    defined.iter().any(|d| d == id),
                    "{id} is not in a first-screen catalogue"
                );
                named += 1;
            }
        }
        assert!(named > 20, "only {named} messages found");
    }

    #[test]
    fn a_malformed_catalogue_is_refused_with_its_path_and_line() {
        let text = "good = Fine\nbroken = { $\nalso-good = Fine\n";
        let error = add("it", "broken-test", text).unwrap_err();
        assert_eq!(error.path, "locales/it/broken-test.ftl");
        assert!(error.reason.starts_with("line 2: "), "{}", error.reason);
    }

    #[test]
    fn built_in_catalogues_are_looked_up_in_their_language() {
        load_built_in();
        assert!(has("en", Part::FirstScreen));
        let loader = LOADED_CATALOGUES.into_iter().next().expect("a loader");
        use leptos_fluent::__reexports::fluent_templates::Loader;
        let it: LanguageIdentifier = "it".parse().unwrap();
        let en: LanguageIdentifier = "en".parse().unwrap();
        assert_eq!(
            loader.try_lookup(&en, "language").as_deref(),
            Some("Language")
        );
        assert_eq!(
            loader.try_lookup(&it, "language").as_deref(),
            Some("Lingua")
        );
    }
}
