//! The demo data's size and the Reset demo data action, with an inline
//! confirmation (nothing is discarded on a single click).

use crate::backend::{use_backend, BackendError};
use crate::components::loaded::loaded;
use crate::i18n::messages;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use wxp_core::seed::{DemoConfig, DemoSize};

/// The reset, owned by the sign-in page, which provides it as context: the
/// section is one of its late sections (`lazy_pages::LateSection`), shown
/// by its name alone.
#[derive(Clone, Copy)]
pub struct DemoReset(pub Action<DemoConfig, Result<(), BackendError>>);

type Reset = Action<DemoConfig, Result<(), BackendError>>;

/// The current demo data, the size after a reset, and the reset itself.
/// Nothing where the backend runs no demo (a server outside demo mode has
/// no demo routes).
#[component]
pub fn DemoData() -> impl IntoView {
    let DemoReset(reset) = expect_context();
    let backend = use_backend();
    let in_browser = backend
        .demo()
        .is_some_and(|demo| demo.keeps_data_in_browser());
    let config = LocalResource::new(move || {
        reset.version().track();
        let reply = backend.demo().map(|demo| demo.demo_config());
        async move {
            match reply {
                Some(reply) => match reply.await {
                    Ok(config) => Ok(Some(config)),
                    Err(BackendError::NotFound(_)) => Ok(None),
                    Err(e) => Err(e),
                },
                None => Ok(None),
            }
        }
    });
    let size = RwSignal::new(None::<DemoSize>);
    let confirming = RwSignal::new(false);
    loaded(config, move |current| {
        current.map(|current| view! { <Section current in_browser size confirming reset/> })
    })
}

/// The section, once the demo data's configuration is known. Where the
/// data is kept is said as it is: this browser, or the server's database.
#[component]
fn Section(
    current: DemoConfig,
    in_browser: bool,
    size: RwSignal<Option<DemoSize>>,
    confirming: RwSignal<bool>,
    reset: Reset,
) -> impl IntoView {
    let chosen = move || size.get().unwrap_or(current.size);
    let described = move || {
        let (seed, size) = (current.seed.to_string(), messages::demo_size(current.size));
        if in_browser {
            tr!("demo-data-current-in-browser", {"seed" => seed, "size" => size})
        } else {
            tr!("demo-data-current-on-server", {"seed" => seed, "size" => size})
        }
    };
    view! {
        <section class="demo-data" aria-labelledby="demo-data-title">
            <h2 id="demo-data-title">{move_tr!("demo-data-title")}</h2>
            <p>{described}</p>
            <label class="field">
                <span>{move_tr!("demo-data-size-after-reset")}</span>
                <select
                    prop:value=move || format!("{:?}", chosen())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        size.set(DemoSize::ALL.into_iter().find(|s| format!("{s:?}") == v));
                    }
                >
                    {DemoSize::ALL.map(|s| view! { <option value=format!("{s:?}")>{move || messages::demo_size(s)}</option> })}
                </select>
            </label>
            {move || if confirming.get() {
                view! {
                    <div class="confirm" role="group" aria-label=move_tr!("demo-data-confirm-reset")>
                        <p>{move_tr!("demo-data-reset-warning")}</p>
                        <button type="button" class="danger" on:click=move |_| {
                            confirming.set(false);
                            reset.dispatch_local(DemoConfig { seed: current.seed, size: chosen() });
                        }>{move_tr!("demo-data-reset-now")}</button>
                        <button type="button" on:click=move |_| confirming.set(false)>{move_tr!("demo-data-cancel")}</button>
                    </div>
                }.into_any()
            } else {
                view! { <button type="button" on:click=move |_| confirming.set(true)>{move_tr!("demo-data-reset")}</button> }.into_any()
            }}
            // The reset's outcome is the page's: it stays through this reload.
            <p role="status">
                {move || match reset.value().get() {
                    Some(Ok(())) => tr!("demo-data-reset-done"),
                    Some(Err(e)) => messages::request_error(&e),
                    None => String::new(),
                }}
            </p>
        </section>
    }
}
