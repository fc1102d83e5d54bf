//! The language switch in the top bar and on the sign-in page.

use super::catalogues;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n, Language};

/// A drop-down of the portal's languages, each named in its own language.
/// The choice applies as soon as its messages are here (they may have to be
/// fetched), and is remembered in this browser. If they cannot be fetched,
/// the switch says so and stays on the language shown.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    // The language whose messages could not be fetched, if the last
    // switch failed.
    let not_loaded = RwSignal::new(None::<&'static Language>);
    let on_change = move |ev| {
        let id = event_target_value(&ev);
        let Some(&language) = i18n.languages.iter().find(|l| l.id == id) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let outcome = catalogues::switch_to(i18n, language).await;
            if let Err(e) = &outcome {
                leptos::logging::warn!("{e}");
            }
            not_loaded.set(outcome.err().map(|_| language));
        });
    };
    let not_loaded_message = move || {
        let language = not_loaded.get()?;
        let text = tr!("language-not-loaded", {"language" => language.name});
        Some(view! { <p role="alert" class="failed">{text}</p> })
    };
    view! {
        <label class="language-switch">
            <span>{move_tr!("language")}</span>
            // Set again after every switch, so that a refused one goes back
            // to the language shown.
            <select
                on:change=on_change
                prop:value=move || {
                    not_loaded.track();
                    i18n.language.get().id
                }
            >
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
        {not_loaded_message}
    }
}
