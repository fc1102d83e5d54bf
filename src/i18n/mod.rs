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

pub mod format;
pub mod messages;
mod switch;

pub use switch::LanguageSwitch;

use leptos::prelude::*;
use leptos_fluent::leptos_fluent;

/// Provides the language to everything inside: the one remembered in this
/// browser, else the browser's own language if the portal has it, else
/// English.
#[component]
pub fn I18nProvider(children: Children) -> impl IntoView {
    leptos_fluent! {
        children: children(),
        locales: "./locales",
        default_language: "en",
        check_translations: "./src/**/*.rs",
        // Fluent wraps each placeable in Unicode isolation marks by default;
        // both languages are left-to-right, and the marks would end up in
        // copied text and in what assistive technology reads.
        customise: |bundle| bundle.set_use_isolating(false),
        sync_html_tag_lang: true,
        // Remembered in this browser, beside the portal's other keys.
        local_storage_key: "wxp-portal/language",
        initial_language_from_local_storage: true,
        set_language_to_local_storage: true,
        initial_language_from_navigator: true,
    }
}
