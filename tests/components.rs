//! Component tests: mount single components in headless Chromium
//! (wasm-bindgen-test) and drive them through the DOM.

#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use leptos_router::components::Router;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};
use wxp_core::date::Date;
use wxp_core::engine::{Session, SubmittedRow, TransferRequest};
use wxp_core::seed::{DemoConfig, DemoSize};
use wxp_core::{Engine, PartnerId, TenantId, UserId};
use wxp_portal::backend::{
    device_lists, Answer, ApiClient, Backend, BackendError, BackendHandle, DemoBackend,
    EngineWorker, InBrowser, Listener, LiveUpdates, Method, Reply, StartupNotice, Subscription,
};
use wxp_portal::components::bar_chart::{Bar, BarChart};
use wxp_portal::components::device_table::DeviceTable;
use wxp_portal::components::notification_center::NotificationCenter;
use wxp_portal::components::setup_notice::SetupIncompleteNotice;
use wxp_portal::i18n::{format, I18nProvider};
use wxp_portal::pages::sign_in::SignIn;
use wxp_portal::session::CurrentSession;

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
                <DeviceTable devices=devices.clone() insights=false label="Unassigned Devices".to_owned() export_name="test".to_owned()/>
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
        move || view! { <I18nProvider><BarChart title="PCs per customer".into() bars=bars.clone()/></I18nProvider> },
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

// ----- The backend's identity, live updates and the sign-in page ----------

const SESSION_KEY: &str = "wxp-portal/session";
const ALPINE_ADMIN: &str = "u-alpine-admin";

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Waits `ms` milliseconds, letting timers and the page run.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits until `done` holds, for at most 5 seconds.
async fn until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..250 {
        if done() {
            return;
        }
        sleep(20).await;
    }
    panic!("still not: {what}");
}

/// `client` as the app uses every backend (the product's operations are
/// methods of `dyn Backend`).
fn backend(client: &ApiClient) -> &dyn Backend {
    client
}

/// A mock over the standard demo data, signed in as Alpine's admin.
async fn signed_in_mock() -> ApiClient {
    let mock = fresh_mock();
    mock.demo()
        .unwrap()
        .sign_in_demo(UserId(ALPINE_ADMIN.into()))
        .await
        .unwrap();
    mock
}

/// A mock over the standard demo data, with nobody remembered as signed in.
fn fresh_mock() -> ApiClient {
    storage().remove_item(SESSION_KEY).unwrap();
    ApiClient::new(InBrowser::with_engine(Engine::new(DemoConfig::default())))
}

#[wasm_bindgen_test]
async fn the_mock_holds_the_signed_in_demo_account_across_reloads() {
    let mock = fresh_mock();
    assert_eq!(mock.session().await, Ok(None));
    assert_eq!(
        backend(&mock).customers().await,
        Err(BackendError::SignedOut)
    );
    assert!(!mock.supports_passwords());
    assert_eq!(
        mock.sign_in("admin@alpine.example".into(), "secret".into())
            .await
            .map(|s| s.user.id),
        Err(BackendError::NoPasswords)
    );

    let demo = mock.demo().expect("the mock runs the demo");
    let accounts = demo.accounts().await.unwrap().expect("demo accounts");
    assert!(accounts.iter().any(|a| a.user.id.0 == ALPINE_ADMIN));
    let session = demo
        .sign_in_demo(UserId(ALPINE_ADMIN.into()))
        .await
        .unwrap();
    assert_eq!(session.user.id.0, ALPINE_ADMIN);
    // The operations act as the signed-in account, named by nobody.
    assert!(!backend(&mock).customers().await.unwrap().is_empty());
    assert_eq!(
        storage().get_item(SESSION_KEY).unwrap().as_deref(),
        Some(ALPINE_ADMIN)
    );

    // A reload (a new mock over the stored state) keeps the user signed in.
    let reloaded = ApiClient::new(InBrowser::with_engine(Engine::new(DemoConfig::default())));
    let again = reloaded.session().await.unwrap().expect("still signed in");
    assert_eq!(again.user.id.0, ALPINE_ADMIN);

    mock.sign_out().await.unwrap();
    assert_eq!(mock.session().await, Ok(None));
    assert_eq!(
        backend(&mock).portfolio().await.map(|_| ()),
        Err(BackendError::SignedOut)
    );
    assert_eq!(storage().get_item(SESSION_KEY).unwrap(), None);
    let reloaded = ApiClient::new(InBrowser::with_engine(Engine::new(DemoConfig::default())));
    assert_eq!(reloaded.session().await, Ok(None));
}

#[wasm_bindgen_test]
async fn a_demo_account_the_data_no_longer_has_is_an_error_not_a_session() {
    storage().set_item(SESSION_KEY, "u-ghost").unwrap();
    let mock = ApiClient::new(InBrowser::with_engine(Engine::new(DemoConfig::default())));
    assert!(matches!(
        mock.session().await,
        Err(BackendError::Access(wxp_core::AccessError::UnknownUser(_)))
    ));
    mock.sign_out().await.unwrap();
    assert_eq!(mock.session().await, Ok(None));
}

/// The first few of Alpine's unassigned PCs, moved to its first customer.
fn transfer_request(engine: &Engine, key: &str) -> TransferRequest {
    let user = UserId(ALPINE_ADMIN.into());
    let holding = TenantId::Holding(PartnerId("PRT-ALPINE".into()));
    let target = engine.customers(&user).unwrap()[0].customer.id.clone();
    TransferRequest {
        key: key.to_owned(),
        source: holding.clone(),
        rows: engine
            .devices(&user, &holding)
            .unwrap()
            .iter()
            .take(2)
            .map(|d| SubmittedRow {
                serial: d.serial.to_string(),
                customer: target.to_string(),
            })
            .collect(),
    }
}

fn bell_label(root: &HtmlElement) -> String {
    root.query_selector("button.bell")
        .unwrap()
        .expect("the bell")
        .get_attribute("aria-label")
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_completed_transfer_reaches_the_bell_through_the_mocks_live_updates() {
    storage()
        .set_item("wxp-portal/transfer-duration-ms", "100")
        .unwrap();
    let mock = fresh_mock();
    storage()
        .remove_item("wxp-portal/transfer-duration-ms")
        .unwrap();
    let engine = Engine::new(DemoConfig::default());
    mock.demo()
        .unwrap()
        .sign_in_demo(UserId(ALPINE_ADMIN.into()))
        .await
        .unwrap();
    let backend: Arc<dyn Backend> = Arc::new(mock.clone());

    let root = container();
    let provided = backend.clone();
    leptos::mount::mount_to(root.clone(), move || {
        provide_context(BackendHandle(provided.clone()));
        let live = LiveUpdates::new();
        provide_context(live);
        // The app's one subscription, here without the sign-in effect.
        StoredValue::new_local(provided.subscribe(live.listener()));
        view! { <I18nProvider><NotificationCenter/></I18nProvider> }
    })
    .forget();
    until("the bell has loaded", || {
        bell_label(&root) == "Notification Center, no unread notifications"
    })
    .await;

    // The page has no timer of its own: only the mock's report of the
    // completed job makes the bell read its notifications again.
    let job = backend
        .submit_transfer(transfer_request(&engine, "component-test"))
        .await
        .unwrap();
    until("the bell shows the completed transfer", || {
        bell_label(&root) == "Notification Center, 1 unread notification"
    })
    .await;
    let panel = text_of(&root, "#notification-panel");
    assert!(
        panel.contains(&format!("Transfer {job}: 2 PCs to")),
        "{panel}"
    );
    assert_eq!(
        backend.transfer(job).await.unwrap().state,
        wxp_core::engine::JobState::Completed
    );
}

#[wasm_bindgen_test]
async fn a_list_of_pcs_is_read_again_only_once_pcs_changed() {
    device_lists::forget();
    let mock = signed_in_mock().await;
    let live = LiveUpdates::new();
    let holding = TenantId::Holding(PartnerId("PRT-ALPINE".into()));
    let first = device_lists::devices(&mock, live, holding.clone())
        .await
        .unwrap();
    let again = device_lists::devices(&mock, live, holding.clone())
        .await
        .unwrap();
    assert!(Arc::ptr_eq(&first, &again), "the list kept is handed out");

    live.changed(&[wxp_core::api::Topic::Devices]);
    let changed = device_lists::devices(&mock, live, holding.clone())
        .await
        .unwrap();
    assert!(!Arc::ptr_eq(&first, &changed), "read again after a change");
    assert_eq!(first, changed);

    let customer = backend(&mock).customers().await.unwrap()[0]
        .customer
        .id
        .clone();
    let other = device_lists::devices(&mock, live, TenantId::Customer(customer))
        .await
        .unwrap();
    assert!(
        !Arc::ptr_eq(&changed, &other),
        "another tenant is its own read"
    );
    device_lists::forget();
    let after_sign_out = device_lists::devices(&mock, live, holding).await.unwrap();
    assert!(!Arc::ptr_eq(&changed, &after_sign_out));
}

/// A server with passwords and no demo, refusing every sign-in; nothing
/// else is asked of it.
struct PasswordServer;

fn not_asked<T: 'static>() -> Reply<T> {
    Box::pin(async { Err(BackendError::NotFound("not asked in this test".into())) })
}

impl Backend for PasswordServer {
    fn session(&self) -> Reply<Option<Session>> {
        Box::pin(async { Ok(None) })
    }
    fn supports_passwords(&self) -> bool {
        true
    }
    fn sign_in(&self, email: String, _password: String) -> Reply<Session> {
        Box::pin(async move {
            Err(if email.starts_with("locked") {
                BackendError::TooManyAttempts { retry_after: 30 }
            } else {
                BackendError::WrongCredentials
            })
        })
    }
    fn sign_out(&self) -> Reply<()> {
        Box::pin(async { Ok(()) })
    }
    fn demo(&self) -> Option<&dyn DemoBackend> {
        None
    }
    fn subscribe(&self, _listener: Listener) -> Subscription {
        Subscription::none()
    }
    fn send(&self, _method: Method, _path: &str, _body: Option<String>) -> Reply<Answer> {
        not_asked()
    }
}

/// Mounts the sign-in page on `backend`.
fn mount_sign_in(root: &HtmlElement, backend: Arc<dyn Backend>) {
    leptos::mount::mount_to(root.clone(), move || {
        provide_context(BackendHandle(backend.clone()));
        provide_context(StartupNotice(RwSignal::new(None)));
        CurrentSession::provide(backend.clone());
        view! { <I18nProvider><Router><SignIn/></Router></I18nProvider> }
    })
    .forget();
}

/// The input labelled `label` (the label wraps it).
fn input_labelled(root: &HtmlElement, label: &str) -> HtmlInputElement {
    let labels = root.query_selector_all("label").unwrap();
    (0..labels.length())
        .map(|i| labels.item(i).unwrap().unchecked_into::<HtmlElement>())
        .find(|l| {
            l.query_selector("span")
                .unwrap()
                .and_then(|s| s.text_content())
                .as_deref()
                == Some(label)
        })
        .and_then(|l| l.query_selector("input").unwrap())
        .unwrap_or_else(|| panic!("no input labelled {label}"))
        .unchecked_into()
}

fn button_named(root: &HtmlElement, name: &str) -> Option<HtmlElement> {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .map(|i| buttons.item(i).unwrap().unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().as_deref() == Some(name))
}

fn alert_text(root: &HtmlElement) -> Option<String> {
    root.query_selector("[role=alert]")
        .unwrap()
        .and_then(|a| a.text_content())
}

#[wasm_bindgen_test]
async fn the_sign_in_page_offers_passwords_where_the_backend_has_them() {
    let root = container();
    mount_sign_in(&root, Arc::new(PasswordServer));
    until("the form is shown", || {
        button_named(&root, "Sign in").is_some()
    })
    .await;
    let email = input_labelled(&root, "E-mail");
    let password = input_labelled(&root, "Password");
    assert_eq!(email.type_(), "email");
    assert_eq!(password.type_(), "password");
    // No demo on this server: no demo accounts, no demo data.
    until("the demo is known to be missing", || {
        !root.text_content().unwrap().contains("Loading")
    })
    .await;
    let text = root.text_content().unwrap();
    assert!(!text.contains("Sign in with a demo account"), "{text}");
    assert!(!text.contains("Demo data"), "{text}");

    type_into(&email, "admin@alpine.example");
    type_into(&password, "not the password");
    button_named(&root, "Sign in").unwrap().click();
    until("the refusal is said", || {
        alert_text(&root).as_deref() == Some("The e-mail address or password is wrong.")
    })
    .await;

    type_into(&email, "locked@alpine.example");
    button_named(&root, "Sign in").unwrap().click();
    until("the wait is said", || {
        alert_text(&root).as_deref()
            == Some("Too many attempts to sign in: wait 30 seconds and try again.")
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_sign_in_page_offers_demo_accounts_and_no_password_form_with_the_mock() {
    let root = container();
    mount_sign_in(&root, Arc::new(fresh_mock()));
    until("the demo accounts are listed", || {
        root.text_content()
            .unwrap()
            .contains("Sign in with a demo account")
    })
    .await;
    assert!(root
        .query_selector("input[type=password]")
        .unwrap()
        .is_none());
    assert!(button_named(&root, "Sign in").is_none());
    assert!(root.query_selector("button.account").unwrap().is_some());
    assert!(root.text_content().unwrap().contains("Demo data"));
}

#[wasm_bindgen_test]
async fn reset_now_restores_the_demo_data_and_keeps_the_page_whole() {
    let mock = signed_in_mock().await;
    let root = container();
    mount_sign_in(&root, Arc::new(mock.clone()));
    until("the Demo data section is shown", || {
        button_named(&root, "Reset demo data").is_some()
    })
    .await;
    let text = root.text_content().unwrap();
    assert!(text.contains("kept in this browser"), "{text}");

    button_named(&root, "Reset demo data").unwrap().click();
    until("the reset is to be confirmed", || {
        button_named(&root, "Reset now").is_some()
    })
    .await;
    // The accounts and the Demo data section both read again: neither may
    // take the other away while it reads.
    button_named(&root, "Reset now").unwrap().click();
    until("the reset is done, and said", || {
        root.text_content()
            .unwrap()
            .contains("The demo data has been reset.")
    })
    .await;
    sleep(200).await;
    let text = root.text_content().unwrap();
    assert!(text.contains("Sign in with a demo account"), "{text}");
    assert!(button_named(&root, "Reset demo data").is_some(), "{text}");
    // Everyone is signed out.
    assert_eq!(mock.session().await, Ok(None));
}

/// The in-browser backend's worker that cannot start (its script is not
/// there): the user is told why, and every request answers that error
/// rather than waiting for ever, so the page shows a message, not nothing.
#[wasm_bindgen_test]
async fn a_worker_that_cannot_start_says_so_to_the_user_and_to_every_request() {
    let told: Arc<std::sync::Mutex<Vec<Option<wxp_portal::backend::Notice>>>> = Arc::default();
    let heard = told.clone();
    let worker = EngineWorker::connect("/no-such-engine-worker-loader.js", move |notice| {
        heard.lock().unwrap().push(notice)
    })
    .expect("the browser creates the worker; loading it fails later");
    let client = ApiClient::new(worker);
    let refused = backend(&client).customers().await;
    assert!(
        matches!(refused, Err(BackendError::NotStarted(_))),
        "{refused:?}"
    );
    until("the user to be told", || !told.lock().unwrap().is_empty()).await;
    assert!(matches!(
        told.lock().unwrap()[0],
        Some(wxp_portal::backend::Notice::Error(
            BackendError::NotStarted(_)
        ))
    ));
    // Later requests answer at once.
    assert!(matches!(
        backend(&client).portfolio().await,
        Err(BackendError::NotStarted(_))
    ));
}
