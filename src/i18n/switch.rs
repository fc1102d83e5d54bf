//! The language switch in the top bar and on the sign-in page.

use leptos::prelude::*;
use leptos_fluent::{move_tr, I18n};

/// A drop-down of the portal's languages, each named in its own language.
/// The choice applies at once and is remembered in this browser.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let on_change = move |ev| {
        let id = event_target_value(&ev);
        if let Some(lang) = i18n.languages.iter().find(|l| l.id == id) {
            i18n.language.set(lang);
        }
    };
    view! {
        <label class="language-switch">
            <span>{move_tr!("language")}</span>
            <select on:change=on_change prop:value=move || i18n.language.get().id>
                {i18n
                    .languages
                    .iter()
                    .map(|lang| {
                        view! {
                            <option value=lang.id selected=move || i18n.language.get() == *lang lang=lang.id>
                                {lang.name}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
