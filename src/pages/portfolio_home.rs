//! All Customers > Home: the partner's portfolio at a glance.

use crate::backend::use_backend;
use crate::components::bar_chart::{Bar, BarChart};
use crate::components::loaded::loaded;
use crate::components::notification_center::DataVersion;
use crate::components::shell::current_user;
use leptos::prelude::*;
use wxp_core::engine::Portfolio;
use wxp_core::format::thousands;

/// Customers, PCs per customer and unassigned PCs, as numbers and a chart.
#[component]
pub fn PortfolioHome() -> impl IntoView {
    let backend = use_backend();
    let user = current_user();
    let portfolio = LocalResource::new(move || {
        DataVersion::track();
        backend.portfolio(user.clone())
    });
    view! {
        <h1>"Home"</h1>
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
            label: c.customer.name.clone(),
            value: c.devices,
            highlight: false,
        })
        .collect();
    if let Some(n) = portfolio.unassigned {
        bars.push(Bar {
            label: "Unassigned Devices".into(),
            value: n,
            highlight: true,
        });
    }
    view! {
        <p class="lede">{portfolio.partner.name.clone()} " · " {portfolio.partner.kind.label()} " partner"</p>
        <dl class="stats">
            <div><dt>"Customers"</dt><dd>{thousands(portfolio.customers.len())}</dd></div>
            <div><dt>"PCs in customer dashboards"</dt><dd>{thousands(in_dashboards)}</dd></div>
            <div>
                <dt>"Unassigned PCs"</dt>
                <dd>{portfolio.unassigned.map(thousands).unwrap_or_else(|| "Not available".into())}</dd>
            </div>
        </dl>
        <BarChart title="PCs per customer".to_owned() bars/>
    }
}
