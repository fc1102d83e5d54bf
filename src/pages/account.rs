//! A customer's Account page, Overview tab.

use crate::components::copy_button::CopyButton;
use crate::components::loaded::loaded;
use crate::components::shell::customer_resource;
use leptos::prelude::*;
use wxp_core::engine::CustomerSummary;
use wxp_core::format::thousands;

/// The customer's identity: the Customer ID a transfer file needs, the
/// cPIN for enrolment, and its figures.
#[component]
pub fn AccountPage() -> impl IntoView {
    view! {
        <h1>"Account"</h1>
        {loaded(customer_resource(), |s| view! { <Overview summary=s/> })}
    }
}

#[component]
fn Overview(summary: CustomerSummary) -> impl IntoView {
    let c = summary.customer;
    view! {
        <div role="tablist" aria-label="Account" class="tabs">
            <button type="button" role="tab" id="tab-overview" aria-selected="true" aria-controls="panel-overview">
                "Overview"
            </button>
        </div>
        <section role="tabpanel" id="panel-overview" aria-labelledby="tab-overview" class="panel">
            <dl class="facts">
                <div><dt>"Customer name"</dt><dd>{c.name.clone()}</dd></div>
                <div>
                    <dt id="customer-id-label">"Customer ID"</dt>
                    <dd>
                        <code aria-labelledby="customer-id-label" class="customer-id">{c.id.to_string()}</code>
                        <CopyButton value=c.id.to_string() what="Customer ID"/>
                    </dd>
                </div>
                <div>
                    <dt>"cPIN"</dt>
                    <dd>
                        <code class="cpin">{c.cpin.clone()}</code>
                        <CopyButton value=c.cpin.clone() what="cPIN"/>
                    </dd>
                </div>
                <div><dt>"Partner"</dt><dd>{summary.partner_name.clone()}</dd></div>
                <div><dt>"Country"</dt><dd>{c.country.clone()}</dd></div>
                <div><dt>"Premium PCs"</dt><dd>{thousands(summary.premium)}</dd></div>
                <div><dt>"Premium+ PCs"</dt><dd>{thousands(summary.premium_plus)}</dd></div>
            </dl>
        </section>
    }
}
