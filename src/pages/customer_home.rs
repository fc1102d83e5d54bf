//! A customer's Home.

use crate::components::bar_chart::{Bar, BarChart};
use crate::components::loaded::loaded;
use crate::components::shell::customer_resource;
use crate::i18n::format::number;
use crate::paths::{self, CustomerPage};
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use leptos_router::components::A;
use wxp_core::engine::CustomerSummary;

/// The customer's dashboard at a glance.
#[component]
pub fn CustomerHome() -> impl IntoView {
    view! { {loaded(customer_resource(), |s| view! { <Summary summary=s/> })} }
}

#[component]
fn Summary(summary: CustomerSummary) -> impl IntoView {
    let c = &summary.customer;
    let partner = summary.partner_name.clone();
    let (devices, premium, premium_plus) = (summary.devices, summary.premium, summary.premium_plus);
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
        <p class="lede">{move_tr!("customer-home-lede", {"partner" => partner.clone()})}</p>
        <dl class="stats">
            <div><dt>{move_tr!("customer-home-pcs")}</dt><dd>{move || number(devices)}</dd></div>
            <div><dt>"Premium"</dt><dd>{move || number(premium)}</dd></div>
            <div><dt>"Premium+"</dt><dd>{move || number(premium_plus)}</dd></div>
        </dl>
        <BarChart title=move_tr!("customer-home-chart-title") bars/>
        // With no PCs there is nothing to see all of.
        {(devices > 0).then(|| view! {
            <p>
                <A href=paths::customer(&c.id, CustomerPage::Pcs)>
                    {move || tr!("customer-home-see-all", {"count" => devices, "n" => number(devices)})}
                </A>
            </p>
        })}
    }
}
