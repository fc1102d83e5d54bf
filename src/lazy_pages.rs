//! The pages behind sign-in, loaded when the first of them shows.
//!
//! With the `split` feature (the release build, `scripts/split-app.sh`),
//! their code is one wasm module apart from the first download, which then
//! carries only the sign-in page and what every page shares. It is fetched
//! when a signed-in page is first shown, or earlier, once the sign-in page
//! has shown its accounts ([`preload`]). One split point, not one per page:
//! the pages share most of their code, and a split per page made ~80
//! small modules that a deep link waited for.
//!
//! The sign-in page's sections that show after its accounts (the demo
//! data's) come with that module too ([`LateSection`]).

use crate::components::shell::Shell;
use crate::i18n::catalogues::{self, Part};
use crate::pages::{
    account::AccountPage, alerts::AlertsPage, customer_home::CustomerHome,
    customers::CustomersPage, devices::CustomerPcs, portfolio_home::PortfolioHome,
    repair_requests::RepairRequestsPage, settings::SettingsPage, sign_in::DemoData,
    support::SupportPage, transfers::TransfersPage, unassigned::UnassignedDevices,
};
use leptos::prelude::*;
use leptos_router::{Lazy, LazyRoute};

/// The module with the pages could not be fetched (offline, or the server
/// was updated and no longer has it).
#[derive(Clone, Copy, Debug)]
pub struct PagesNotLoaded;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for PagesNotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        PagesNotLoaded
    }
}

/// The code of `view`, fetched if need be.
async fn code(view: LateView) -> Result<AnyView, PagesNotLoaded> {
    #[cfg(feature = "split")]
    return view_of(view).await;
    #[cfg(not(feature = "split"))]
    view_of(view)
}

/// A page, once its code, its messages in `language` and its style are
/// here.
async fn load(view: LateView, language: &'static str) -> AnyView {
    let code = code(view);
    let messages = async { load_messages(language).await.map_err(|e| e.to_string()) };
    let (code, messages, style) = futures::join!(code, messages, load_style());
    for why in [&messages, &style]
        .into_iter()
        .filter_map(|outcome| outcome.as_ref().err())
    {
        leptos::logging::warn!("{why}");
    }
    match (code, messages, style) {
        (Ok(view), Ok(()), Ok(())) => view,
        _ => view! { <PagesNotLoadedNotice/> }.into_any(),
    }
}

/// The pages' style sheet (style/pages.css, copied beside the app by trunk:
/// its address names its version, so a browser never keeps an old one).
/// Without `split` (component tests, which have no style at all) there is
/// none to load.
async fn load_style() -> Result<(), String> {
    #[cfg(feature = "split")]
    return crate::browser::load_style_sheet(concat!("/pages.css?v=", env!("PAGES_CSS_VERSION")))
        .await;
    #[cfg(not(feature = "split"))]
    Ok(())
}

/// The pages' messages in `language`; and, in the background, every other
/// language's.
async fn load_messages(language: &'static str) -> Result<(), catalogues::CatalogueError> {
    catalogues::prefetch_other_languages(language);
    catalogues::ensure(language, Part::Pages).await
}

/// The language shown, for the messages a page needs.
fn language_shown() -> &'static str {
    use_context::<leptos_fluent::I18n>().map_or("en", |i18n| i18n.language.get_untracked().id)
}

/// Fetches the pages' code and their messages in `language` ahead of need;
/// a failure is left for the navigation that needs them to show.
pub async fn preload(language: &'static str) {
    #[cfg(feature = "split")]
    let _ = futures::join!(
        load_pages(),
        catalogues::ensure(language, Part::Pages),
        load_style()
    );
    #[cfg(not(feature = "split"))]
    let _ = catalogues::ensure(language, Part::Pages).await;
}

/// A section of the sign-in page whose code comes with the pages' (its
/// messages and style are the first screen's): shown once that is here.
///
/// A task fetches the module; the section is built here, in a view of this
/// component, like any child. Not inside the task (a `Suspend`): that
/// would track what the section reads as it is built, and build it again,
/// disposing of the first, whenever one of those changes (a reset of the
/// demo data does).
#[component]
pub fn LateSection(view: LateView) -> impl IntoView {
    let fetched = RwSignal::new(None::<Result<(), PagesNotLoaded>>);
    leptos::task::spawn_local(async move {
        #[cfg(feature = "split")]
        let outcome = load_pages().await.map_err(PagesNotLoaded::from);
        #[cfg(not(feature = "split"))]
        let outcome = Ok(());
        // Nothing to show if the page is gone meanwhile.
        fetched.try_set(Some(outcome));
    });
    move || {
        let outcome = fetched.get()?;
        Some(match outcome.and_then(|()| fetched_code(view)) {
            Ok(section) => section,
            Err(PagesNotLoaded) => view! { <SectionNotLoaded/> }.into_any(),
        })
    }
}

/// The code of `view`, once its module is here: its loader then answers at
/// once.
fn fetched_code(view: LateView) -> Result<AnyView, PagesNotLoaded> {
    use futures::FutureExt;
    code(view).now_or_never().unwrap_or(Err(PagesNotLoaded))
}

/// In place of a section whose code cannot be fetched.
#[component]
fn SectionNotLoaded() -> impl IntoView {
    use leptos_fluent::move_tr;
    view! {
        <p role="alert" class="failed">
            {move_tr!("section-not-loaded")}" "
            <button on:click=|_| crate::browser::reload()>{move_tr!("pages-not-loaded-reload")}</button>
        </p>
    }
}

/// What a signed-in user sees if the pages' code cannot be fetched.
#[component]
fn PagesNotLoadedNotice() -> impl IntoView {
    use leptos_fluent::move_tr;
    view! {
        <main id="main" class="not-found" role="alert">
            <h1>{move_tr!("pages-not-loaded-title")}</h1>
            <p>{move_tr!("pages-not-loaded-why")}</p>
            <p><button on:click=|_| crate::browser::reload()>{move_tr!("pages-not-loaded-reload")}</button></p>
        </main>
    }
}

/// Each page behind sign-in, named once: its route (for `<Route view=…>`),
/// its name in [`LateView`], and its view in the split point; and each
/// late section of the sign-in page, named once.
macro_rules! signed_in_pages {
    (
        pages { $($route:ident => $page:ident),* $(,)? }
        sections { $($section:ident),* $(,)? }
    ) => {
        /// A view whose code comes with the pages' module, named after its
        /// component.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum LateView {
            $($page,)*
            $($section,)*
        }

        /// The split point: every page's code is reachable only through
        /// here.
        #[cfg_attr(
            feature = "split",
            leptos::wasm_split::wasm_split(
                signed_in_pages,
                wasm_split_path = ::leptos::wasm_split,
                fallible,
                preload(load_pages)
            )
        )]
        fn view_of(view: LateView) -> Result<AnyView, PagesNotLoaded> {
            Ok(match view {
                $(LateView::$page => view! { <$page/> }.into_any(),)*
                $(LateView::$section => view! { <$section/> }.into_any(),)*
            })
        }

        $(
            #[doc = concat!("The route to [`", stringify!($page), "`], in the language shown when it was asked for.")]
            pub struct $route(&'static str);

            impl LazyRoute for $route {
                fn data() -> Self {
                    $route(language_shown())
                }

                async fn view(route: Self) -> AnyView {
                    load(LateView::$page, route.0).await
                }
            }

            impl $route {
                /// The route's view, for `<Route view=…>`.
                pub fn lazy() -> Lazy<$route> {
                    Lazy::new()
                }
            }
        )*
    };
}

signed_in_pages! {
    pages {
    ShellRoute => Shell,
    PortfolioHomeRoute => PortfolioHome,
    CustomersRoute => CustomersPage,
    UnassignedDevicesRoute => UnassignedDevices,
    TransfersRoute => TransfersPage,
    AlertsRoute => AlertsPage,
    RepairRequestsRoute => RepairRequestsPage,
    SupportRoute => SupportPage,
    CustomerHomeRoute => CustomerHome,
    CustomerPcsRoute => CustomerPcs,
    AccountRoute => AccountPage,
    SettingsRoute => SettingsPage,
    }
    sections {
        DemoData,
    }
}
