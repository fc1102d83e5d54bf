//! A customer's Home.

use crate::components::bar_chart::{Bar, BarChart};
use crate::components::loaded::loaded;
use crate::components::shell::customer_resource;
use crate::paths::{self, CustomerPage};
use leptos::prelude::*;
use leptos_router::components::A;
use wxp_core::engine::CustomerSummary;
use wxp_core::format::{pcs, thousands};

/// The customer's dashboard at a glance.
#[component]
pub fn CustomerHome() -> impl IntoView {
    view! { {loaded(customer_resource(), |s| view! { <Summary summary=s/> })} }
}

#[component]
fn Summary(summary: CustomerSummary) -> impl IntoView {
    let c = &summary.customer;
    let bars = vec![
        Bar {
            label: "Premium".into(),
            value: summary.premium,
            highlight: false,
        },
        Bar {
            label: "Premium+".into(),
            value: summary.premium_plus,
            highlight: true,
        },
    ];
    view! {
        <h1>{c.name.clone()}</h1>
        <p class="lede">"Home · managed by " {summary.partner_name.clone()}</p>
        <dl class="stats">
            <div><dt>"PCs"</dt><dd>{thousands(summary.devices)}</dd></div>
            <div><dt>"Premium"</dt><dd>{thousands(summary.premium)}</dd></div>
            <div><dt>"Premium+"</dt><dd>{thousands(summary.premium_plus)}</dd></div>
        </dl>
        <BarChart title="PCs by support plan".to_owned() bars/>
        <p>
            <A href=paths::customer(&c.id, CustomerPage::Pcs)>"See all " {pcs(summary.devices)}</A>
        </p>
    }
}
