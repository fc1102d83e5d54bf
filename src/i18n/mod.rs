//! The portal in English and Italian.
//!
//! Every text a user reads is a Fluent message in `locales/<language>/*.ftl`,
//! looked up with leptos-fluent's `tr!` / `move_tr!`. The build checks the
//! messages against the code: a `tr!` naming a message missing in either
//! language, or a message no code uses, is a compile error.
//!
//! Two limits of that check (leptos-fluent 0.3.1), which the code works
//! around: it sees a message's variables only at its top level or as a
//! selector, so a number shown inside a plural is passed twice (`$count`
//! selects, `$n` shows, outside the selector); and it takes the `tr` of an
//! HTML `<tr>` for its macro and skips the braces after it, so a message
//! that would come first in a `<tr>` is looked up before the `view!`.
//!
//! Numbers and dates go through the browser's `Intl` formatters
//! ([`format`]); domain errors and problems are worded in [`messages`].
//! Which catalogues are built in and which are fetched when needed is
//! [`catalogues`]'s business.

pub mod catalogues;
pub mod format;
pub mod messages;
mod switch;

pub use switch::LanguageSwitch;

use catalogues::Part;

use leptos::prelude::*;
use leptos_fluent::{leptos_fluent, I18n};

/// Provides the language to everything inside: the one remembered in this
/// browser, else the browser's own language if the portal has it, else
/// English.
#[component]
pub fn I18nProvider(children: ChildrenFn) -> impl IntoView {
    catalogues::load_built_in();
    leptos_fluent! {
        children: view! { <FirstScreenMessages children/> },
        // The languages, and the files the check reads; the messages
        // themselves are the catalogues loaded so far.
        locales: "./locales",
        translations: catalogues::LOADED_CATALOGUES,
        default_language: "en",
        check_translations: "./src/**/*.rs",
        sync_html_tag_lang: true,
        // Remembered in this browser, beside the portal's other keys.
        local_storage_key: "wxp-portal/language",
        initial_language_from_local_storage: true,
        set_language_to_local_storage: true,
        initial_language_from_navigator: true,
    }
}

/// Shows `children` once the first screen's messages are loaded in the
/// language chosen (remembered, or the browser's), which may need a fetch.
/// If that fails, the portal shows in the built-in language rather than
/// not at all, and the language chosen is not forgotten. Later switches of
/// language load theirs before they show ([`catalogues::switch_to`]).
#[component]
fn FirstScreenMessages(children: ChildrenFn) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let chosen = i18n.language.get_untracked().id;
    let shown = RwSignal::new(catalogues::has(chosen, Part::FirstScreen));
    if !shown.get_untracked() {
        leptos::task::spawn_local(async move {
            if let Err(e) = catalogues::ensure(chosen, Part::FirstScreen).await {
                leptos::logging::warn!("{e}; the portal shows in its built-in language");
            }
            shown.set(true);
        });
    }
    move || shown.get().then(|| children())
}
