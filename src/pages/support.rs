//! Support: create a support case, prefilled from where it was opened, and
//! the list of cases.

use crate::backend::{use_backend, BackendError};
use crate::components::loaded::loaded;
use crate::components::shell::current_user;
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
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
    let user = current_user();
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
    let version = RwSignal::new(0u32);
    let cases = LocalResource::new({
        let (backend, user) = (backend.clone(), user.clone());
        move || {
            version.track();
            backend.cases(user.clone())
        }
    });
    let open = Action::new_local(move |case: &NewCase| {
        let (backend, user, case) = (backend.clone(), user.clone(), case.clone());
        async move {
            let id = backend.open_case(user, case).await?;
            version.update(|v| *v += 1);
            Ok::<_, BackendError>(id)
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        open.dispatch_local(NewCase {
            subject: subject.get(),
            description: description.get(),
            serials: serials
                .get()
                .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
                .map(str::to_owned)
                .collect(),
        });
    };
    view! {
        <h1>"Support"</h1>
        <p class="lede">"Create a support case for HP support, or email " <a href="mailto:support@wxp.hp.com">"support@wxp.hp.com"</a> "."</p>
        <form class="panel support-form" on:submit=submit aria-labelledby="case-title">
            <h2 id="case-title">"Create support case"</h2>
            <label class="field wide">
                <span>"Subject"</span>
                <input type="text" required prop:value=subject on:input=move |ev| subject.set(event_target_value(&ev))/>
            </label>
            <label class="field wide">
                <span>"Description"</span>
                <textarea rows="4" prop:value=description on:input=move |ev| description.set(event_target_value(&ev))></textarea>
            </label>
            <label class="field wide">
                <span>"Serial numbers (one per line)"</span>
                <textarea rows="4" prop:value=serials on:input=move |ev| serials.set(event_target_value(&ev))></textarea>
            </label>
            <button type="submit" class="primary" disabled=move || open.pending().get()>"Create support case"</button>
            <p role="status">
                {move || open.value().get().map(|r| match r {
                    Ok(id) => format!("Support case {id} was created. HP support will contact you."),
                    Err(e) => e.to_string(),
                })}
            </p>
        </form>
        <h2>"Your support cases"</h2>
        {loaded(cases, |list| view! { <CaseTable cases=list/> })}
    }
}

#[component]
fn CaseTable(cases: Vec<SupportCase>) -> impl IntoView {
    if cases.is_empty() {
        return view! { <p>"No support cases yet."</p> }.into_any();
    }
    view! {
        <table class="data-table" aria-label="Support cases">
            <thead>
                <tr>
                    <th scope="col">"Case"</th>
                    <th scope="col">"Opened"</th>
                    <th scope="col">"Subject"</th>
                    <th scope="col">"Serial numbers"</th>
                    <th scope="col">"State"</th>
                </tr>
            </thead>
            <tbody>
                {cases.into_iter().map(|c| view! {
                    <tr>
                        <th scope="row">{c.id}</th>
                        <td>{c.opened_at.to_string()}</td>
                        <td>{c.case.subject.clone()}</td>
                        <td><code>{c.case.serials.join(" ")}</code></td>
                        <td>{c.state()}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
