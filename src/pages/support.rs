//! Support: create a support case, prefilled from where it was opened, and
//! the list of cases.

use crate::backend::{use_backend, use_live};
use crate::components::loaded::loaded;
use crate::i18n::format::timestamp;
use crate::i18n::messages;
use crate::lists;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use leptos_router::hooks::use_query_map;
use wxp_core::api::Topic;
use wxp_core::engine::{NewCase, SupportCase};

/// The address of the support page with a case prefilled: subject and
/// serial numbers (e.g. the failed rows of a transfer's Summary).
pub fn support_link(subject: &str, serials: &[String]) -> String {
    let encode = |s: &str| String::from(js_sys::encode_uri_component(s));
    let mut href = format!("{}?subject={}", paths::SUPPORT, encode(subject));
    if !serials.is_empty() {
        href.push_str(&format!("&serials={}", encode(&serials.join(" "))));
    }
    href
}

/// The form and the user's cases.
#[component]
pub fn SupportPage() -> impl IntoView {
    let backend = use_backend();
    let live = use_live();
    let query = use_query_map();
    let prefill = |key: &str| query.with_untracked(|q| q.get(key)).unwrap_or_default();
    let subject = RwSignal::new(prefill("subject"));
    let description = RwSignal::new(String::new());
    let serials = RwSignal::new(
        prefill("serials")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join("\n"),
    );
    let cases = LocalResource::new({
        let backend = backend.clone();
        move || {
            live.track(Topic::Cases);
            backend.cases()
        }
    });
    let open = Action::new_local(move |case: &NewCase| backend.open_case(case.clone()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        open.dispatch_local(NewCase {
            subject: subject.get(),
            description: description.get(),
            serials: lists::items(&serials.get()),
        });
    };
    view! {
        <h1>{move_tr!("support-title")}</h1>
        <p class="lede">
            {move_tr!("support-lede")} " " <a href="mailto:support@wxp.hp.com">"support@wxp.hp.com"</a> "."
        </p>
        <form class="panel support-form" on:submit=submit aria-labelledby="case-title">
            <h2 id="case-title">{move_tr!("support-create-title")}</h2>
            <label class="field wide">
                <span>{move_tr!("support-subject")}</span>
                <input type="text" required prop:value=subject on:input=move |ev| subject.set(event_target_value(&ev))/>
            </label>
            <label class="field wide">
                <span>{move_tr!("support-description")}</span>
                <textarea rows="4" prop:value=description on:input=move |ev| description.set(event_target_value(&ev))></textarea>
            </label>
            <label class="field wide">
                <span>{move_tr!("support-serials-one-per-line")}</span>
                <textarea rows="4" prop:value=serials on:input=move |ev| serials.set(event_target_value(&ev))></textarea>
            </label>
            <button type="submit" class="primary" disabled=move || open.pending().get()>
                {move_tr!("support-create-button")}
            </button>
            <p role="status">
                {move || open.value().get().map(|r| match r {
                    Ok(id) => tr!("support-case-created", {"id" => id.to_string()}),
                    Err(e) => messages::backend(&e),
                })}
            </p>
        </form>
        <h2>{move_tr!("support-your-cases")}</h2>
        {loaded(cases, |list| view! { <CaseTable cases=list/> })}
    }
}

#[component]
fn CaseTable(cases: Vec<SupportCase>) -> impl IntoView {
    if cases.is_empty() {
        return view! { <p>{move_tr!("support-no-cases")}</p> }.into_any();
    }
    view! {
        <table class="data-table" aria-label=move_tr!("support-cases")>
            <thead>
                <tr>
                    <th scope="col">{move_tr!("support-column-case")}</th>
                    <th scope="col">{move_tr!("support-column-opened")}</th>
                    <th scope="col">{move_tr!("support-column-subject")}</th>
                    <th scope="col">{move_tr!("support-column-serial-numbers")}</th>
                    <th scope="col">{move_tr!("support-column-state")}</th>
                </tr>
            </thead>
            <tbody>
                {cases.into_iter().map(|c| {
                    let opened_at = c.opened_at;
                    let state = c.state();
                    view! {
                        <tr>
                            <th scope="row">{c.id}</th>
                            <td>{move || timestamp(opened_at)}</td>
                            <td>{c.case.subject.clone()}</td>
                            <td><code>{c.case.serials.join(" ")}</code></td>
                            <td>{move || messages::case_state(state)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
