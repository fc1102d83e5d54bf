//! All Customers > Home: the partner's portfolio at a glance.

use crate::backend::{use_backend, use_live};
use crate::components::bar_chart::{Bar, BarChart};
use crate::components::loaded::loaded;
use crate::i18n::format::number;
use crate::i18n::messages;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};
use wxp_core::api::Topic;
use wxp_core::engine::Portfolio;

/// Customers, PCs per customer and unassigned PCs, as numbers and a chart.
#[component]
pub fn PortfolioHome() -> impl IntoView {
    let backend = use_backend();
    let live = use_live();
    let portfolio = LocalResource::new(move || {
        live.track(Topic::Customers);
        live.track(Topic::Devices);
        backend.portfolio()
    });
    view! {
        <h1>{move_tr!("portfolio-title")}</h1>
        {loaded(portfolio, |p| view! { <Overview portfolio=p/> })}
    }
}

#[component]
fn Overview(portfolio: Portfolio) -> impl IntoView {
    let in_dashboards: usize = portfolio.customers.iter().map(|c| c.devices).sum();
    let mut bars: Vec<Bar> = portfolio
        .customers
        .iter()
        .map(|c| Bar {
            label: c.customer.name.clone().into(),
            value: c.devices,
            highlight: false,
        })
        .collect();
    if let Some(n) = portfolio.unassigned {
        bars.push(Bar {
            label: move_tr!("menu-unassigned-devices"),
            value: n,
            highlight: true,
        });
    }
    let partner = portfolio.partner.name.clone();
    let kind = portfolio.partner.kind;
    let customers = portfolio.customers.len();
    let unassigned = portfolio.unassigned;
    view! {
        <p class="lede">
            {move || {
                tr!("portfolio-lede", {
                    "partner" => partner.clone(),
                    "kind" => messages::partner_kind(kind),
                })
            }}
        </p>
        <dl class="stats">
            <div><dt>{move_tr!("portfolio-customers")}</dt><dd>{move || number(customers)}</dd></div>
            <div><dt>{move_tr!("portfolio-pcs-in-dashboards")}</dt><dd>{move || number(in_dashboards)}</dd></div>
            <div>
                <dt>{move_tr!("portfolio-unassigned-pcs")}</dt>
                <dd>{move || unassigned.map(number).unwrap_or_else(|| tr!("portfolio-not-available"))}</dd>
            </div>
        </dl>
        <BarChart title=move_tr!("portfolio-chart-title") bars/>
    }
}
