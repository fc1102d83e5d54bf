//! The app: backend, session and live updates in context, and the routes.

use crate::backend::{self, BackendHandle, LiveUpdates, Notice, SessionGuard, StartupNotice};
use crate::components::startup_notice::StartupNoticeBanner;
use crate::i18n::I18nProvider;
use crate::lazy_pages::*;
use crate::pages::{landing::Landing, not_found::NotFound, sign_in::SignIn};
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
                <ParentRoute path=path!("/all") view=ShellRoute::lazy()>
                    <Route path=path!("") view=PortfolioHomeRoute::lazy()/>
                    <Route path=path!("customers") view=CustomersRoute::lazy()/>
                    <Route path=path!("unassigned-devices") view=UnassignedDevicesRoute::lazy()/>
                    <Route path=path!("transfers") view=TransfersRoute::lazy()/>
                    <Route path=path!("alerts") view=AlertsRoute::lazy()/>
                    <Route path=path!("repair-requests") view=RepairRequestsRoute::lazy()/>
                </ParentRoute>
                <ParentRoute path=path!("/support") view=ShellRoute::lazy()>
                    <Route path=path!("") view=SupportRoute::lazy()/>
                </ParentRoute>
                <ParentRoute path=path!("/customers/:customer") view=ShellRoute::lazy()>
                    <Route path=path!("") view=CustomerHomeRoute::lazy()/>
                    <Route path=path!("devices/pcs") view=CustomerPcsRoute::lazy()/>
                    <Route path=path!("account") view=AccountRoute::lazy()/>
                    <Route path=path!("settings") view=SettingsRoute::lazy()/>
                </ParentRoute>
            </Routes>
        </Router>
        </I18nProvider>
    }
}
