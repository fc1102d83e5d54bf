//! The demo data's size and the Reset demo data action, with an inline
//! confirmation (nothing is discarded on a single click).

use crate::backend::{use_backend, BackendError};
use crate::components::loaded::loaded;
use crate::i18n::messages;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use wxp_core::seed::{DemoConfig, DemoSize};

/// The current demo data, the size after a reset, and the reset itself
/// (`reset`, owned by the page).
#[component]
pub fn DemoData(reset: Action<DemoConfig, Result<(), BackendError>>) -> impl IntoView {
    let backend = use_backend();
    let config = LocalResource::new(move || {
        reset.version().track();
        let reply = backend.demo().map(|demo| demo.demo_config());
        async move {
            match reply {
                Some(reply) => reply.await.map(Some),
                None => Ok(None),
            }
        }
    });
    let size = RwSignal::new(None::<DemoSize>);
    let confirming = RwSignal::new(false);
    view! {
        <section class="demo-data" aria-labelledby="demo-data-title">
            <h2 id="demo-data-title">{move_tr!("demo-data-title")}</h2>
            {loaded(config, move |current| current.map(|current| {
                let chosen = move || size.get().unwrap_or(current.size);
                view! {
                    <p>
                        {move_tr!("demo-data-current", {
                            "seed" => current.seed.to_string(),
                            "size" => messages::demo_size(current.size),
                        })}
                    </p>
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
                }
            }))}
            <p role="status">
                {move || match reset.value().get() {
                    Some(Ok(())) => tr!("demo-data-reset-done"),
                    Some(Err(e)) => messages::backend(&e),
                    None => String::new(),
                }}
            </p>
        </section>
    }
}
