//! The app: backend, session and live updates in context, and the routes.

use crate::backend::{self, BackendHandle, LiveUpdates, Notice, SessionGuard, StartupNotice};
use crate::components::shell::Shell;
use crate::components::startup_notice::StartupNoticeBanner;
use crate::i18n::I18nProvider;
use crate::pages::{
    account::AccountPage, alerts::AlertsPage, customer_home::CustomerHome,
    customers::CustomersPage, devices::CustomerPcs, landing::Landing, not_found::NotFound,
    portfolio_home::PortfolioHome, repair_requests::RepairRequestsPage, settings::SettingsPage,
    sign_in::SignIn, support::SupportPage, transfers::TransfersPage, unassigned::UnassignedDevices,
};
use crate::session::CurrentSession;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;
use std::sync::Arc;

/// The whole portal, on the backend named by the page (see
/// [`backend::from_page`]).
#[component]
pub fn App() -> impl IntoView {
    let notice = RwSignal::new(None);
    let backend = backend::from_page(notice);
    view! { <AppWith backend=backend notice=notice/> }
}

/// The portal on a given backend; component tests mount this with their own.
#[component]
pub fn AppWith(
    backend: Arc<dyn backend::Backend>,
    notice: RwSignal<Option<Notice>>,
) -> impl IntoView {
    provide_context(StartupNotice(notice));
    let session = CurrentSession::provide(backend.clone());
    // Whichever view hears that nobody is signed in any more, the page's
    // session ends.
    let backend: Arc<dyn backend::Backend> = Arc::new(SessionGuard::new(
        backend,
        Arc::new(move || session.ended()),
    ));
    provide_context(BackendHandle(backend.clone()));
    // The page's one live-update subscription, open while someone is
    // signed in; views track its topics.
    let live = LiveUpdates::new();
    provide_context(live);
    backend::connect(backend, live, session.user());

    view! {
        <I18nProvider>
        <Router>
            <StartupNoticeBanner/>
            <Routes fallback=|| view! { <NotFound/> }>
                <Route path=path!("/") view=Landing/>
                <Route path=path!("/sign-in") view=SignIn/>
                <ParentRoute path=path!("/all") view=Shell>
                    <Route path=path!("") view=PortfolioHome/>
                    <Route path=path!("customers") view=CustomersPage/>
                    <Route path=path!("unassigned-devices") view=UnassignedDevices/>
                    <Route path=path!("transfers") view=TransfersPage/>
                    <Route path=path!("alerts") view=AlertsPage/>
                    <Route path=path!("repair-requests") view=RepairRequestsPage/>
                </ParentRoute>
                <ParentRoute path=path!("/support") view=Shell>
                    <Route path=path!("") view=SupportPage/>
                </ParentRoute>
                <ParentRoute path=path!("/customers/:customer") view=Shell>
                    <Route path=path!("") view=CustomerHome/>
                    <Route path=path!("devices/pcs") view=CustomerPcs/>
                    <Route path=path!("account") view=AccountPage/>
                    <Route path=path!("settings") view=SettingsPage/>
                </ParentRoute>
            </Routes>
        </Router>
        </I18nProvider>
    }
}
