//! Component tests: mount single components in headless Chromium
//! (wasm-bindgen-test) and drive them through the DOM.

#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};
use wxp_core::date::Date;
use wxp_core::seed::{DemoConfig, DemoSize};
use wxp_core::{Engine, PartnerId, TenantId, UserId};
use wxp_portal::components::bar_chart::{Bar, BarChart};
use wxp_portal::components::device_table::DeviceTable;
use wxp_portal::components::setup_notice::SetupIncompleteNotice;
use wxp_portal::i18n::{format, I18nProvider};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh element to mount into, so tests do not see each other's DOM,
/// in the browser's language (a language chosen by an earlier test, even a
/// failed one, is forgotten).
fn container() -> HtmlElement {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item("wxp-portal/language").unwrap();
    let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

fn text_of(root: &HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn unassigned(size: DemoSize) -> Arc<Vec<wxp_core::Device>> {
    let engine = Engine::new(DemoConfig {
        size,
        ..DemoConfig::default()
    });
    let holding = TenantId::Holding(PartnerId("PRT-ALPINE".into()));
    Arc::new(
        engine
            .devices(&UserId("u-alpine-admin".into()), &holding)
            .unwrap(),
    )
}

fn mount_table(root: &HtmlElement, devices: Arc<Vec<wxp_core::Device>>) {
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <I18nProvider>
                <DeviceTable devices insights=false label="Unassigned Devices".to_owned() export_name="test".to_owned()/>
            </I18nProvider>
        }
    });
    handle.forget();
}

fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn device_table_filters_as_you_type_and_clears() {
    let root = container();
    mount_table(&root, unassigned(DemoSize::Standard));
    tick().await;
    assert_eq!(text_of(&root, "[role=status].count"), "1,200 PCs");

    let search: HtmlInputElement = root
        .query_selector("input[type=search]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    type_into(&search, "zbook");
    tick().await;
    let status = text_of(&root, "[role=status].count");
    assert!(status.starts_with("Showing "), "{status}");
    assert!(status.ends_with(" of 1,200 PCs"), "{status}");
    let body_rows = root
        .query_selector_all("tbody tr:not(.spacer)")
        .unwrap()
        .length();
    assert!(body_rows > 0);

    let clear: HtmlElement = root
        .query_selector(".filter-warning button")
        .unwrap()
        .expect("a Clear filters button while a filter is active")
        .unchecked_into();
    assert_eq!(clear.text_content().unwrap(), "Clear filters");
    clear.click();
    tick().await;
    assert_eq!(text_of(&root, "[role=status].count"), "1,200 PCs");
    assert_eq!(search.value(), "");
}

#[wasm_bindgen_test]
async fn device_table_renders_only_a_window_of_100_000_rows() {
    let root = container();
    // The standard fleet repeated: rendering does not care that serials
    // repeat, and this keeps the unoptimised test build quick.
    let fleet = unassigned(DemoSize::Standard);
    let devices: Vec<wxp_core::Device> = fleet.iter().cycle().take(100_000).cloned().collect();
    mount_table(&root, Arc::new(devices));
    tick().await;
    assert_eq!(text_of(&root, "[role=status].count"), "100,000 PCs");
    let rendered = root
        .query_selector_all("tbody tr:not(.spacer)")
        .unwrap()
        .length();
    assert!((1..=100).contains(&rendered), "{rendered} rows in the page");
}

#[wasm_bindgen_test]
async fn sorting_by_a_header_sets_aria_sort() {
    let root = container();
    mount_table(&root, unassigned(DemoSize::Standard));
    tick().await;
    let model_header = root
        .query_selector_all("thead th")
        .unwrap()
        .item(2)
        .unwrap();
    let model_header: HtmlElement = model_header.unchecked_into();
    assert_eq!(
        model_header.get_attribute("aria-sort").as_deref(),
        Some("none")
    );
    let button: HtmlElement = model_header
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
    tick().await;
    assert_eq!(
        model_header.get_attribute("aria-sort").as_deref(),
        Some("ascending")
    );
    button.click();
    tick().await;
    assert_eq!(
        model_header.get_attribute("aria-sort").as_deref(),
        Some("descending")
    );
}

#[wasm_bindgen_test]
async fn bar_chart_names_every_value() {
    let root = container();
    let bars = vec![
        Bar {
            label: "Contoso Ltd".into(),
            value: 420,
            highlight: false,
        },
        Bar {
            label: "Unassigned Devices".into(),
            value: 1_200,
            highlight: true,
        },
    ];
    leptos::mount::mount_to(
        root.clone(),
        move || view! { <I18nProvider><BarChart title="PCs per customer".into() bars/></I18nProvider> },
    )
    .forget();
    tick().await;
    let svg = root.query_selector("svg[role=img]").unwrap().unwrap();
    assert_eq!(
        svg.get_attribute("aria-label").unwrap(),
        "PCs per customer: Contoso Ltd: 420; Unassigned Devices: 1,200"
    );
}

#[wasm_bindgen_test]
async fn setup_notice_names_both_course_paths() {
    let root = container();
    leptos::mount::mount_to(root.clone(), || {
        view! {
            <I18nProvider>
                <SetupIncompleteNotice kind=wxp_core::PartnerKind::ServiceDelivery/>
            </I18nProvider>
        }
    })
    .forget();
    tick().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("0001114748 followed by 0001114825"), "{text}");
    assert!(text.contains("0001114751"), "{text}");
    assert!(text.contains("support@wxp.hp.com"), "{text}");
}

/// Shows a number and a date, with a button per language.
#[component]
fn Formatted() -> impl IntoView {
    let i18n = expect_context::<leptos_fluent::I18n>();
    view! {
        <p class="number">{move || format::number(100_000)}</p>
        <p class="date">{move || format::date(Date::from_ymd(2026, 11, 22))}</p>
        {i18n
            .languages
            .iter()
            .map(|lang| view! { <button class=lang.id on:click=move |_| i18n.language.set(lang)>{lang.name}</button> })
            .collect_view()}
    }
}

#[wasm_bindgen_test]
async fn numbers_and_dates_follow_the_language() {
    let root = container();
    leptos::mount::mount_to(
        root.clone(),
        || view! { <I18nProvider><Formatted/></I18nProvider> },
    )
    .forget();
    tick().await;
    let click = |lang: &str| {
        root.query_selector(&format!("button.{lang}"))
            .unwrap()
            .unwrap()
            .unchecked_into::<HtmlElement>()
            .click()
    };
    click("en");
    tick().await;
    assert_eq!(text_of(&root, ".number"), "100,000");
    assert_eq!(text_of(&root, ".date"), "Nov 22, 2026");
    click("it");
    tick().await;
    assert_eq!(text_of(&root, ".number"), "100.000");
    assert_eq!(text_of(&root, ".date"), "22 nov 2026");
    // The choice is remembered in this browser: leave English for the
    // other tests.
    click("en");
    tick().await;
}
