//! Shows a backend read: a loading line, the error if it failed, the view
//! if it succeeded.

use crate::backend::BackendError;
use crate::i18n::messages;
use leptos::prelude::*;
use leptos_fluent::move_tr;

/// Renders `resource` with `render` once it has loaded, inside a
/// `<Transition>` (the previous content stays while a new read loads) and an
/// `<ErrorBoundary>` that shows what went wrong.
pub fn loaded<T, V>(
    resource: LocalResource<Result<T, BackendError>>,
    render: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    view! {
        <Transition fallback=|| view! { <p class="loading" role="status">{move_tr!("loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorList errors/> }>
                {move || {
                    let render = render.clone();
                    Suspend::new(async move { resource.await.map(render) })
                }}
            </ErrorBoundary>
        </Transition>
    }
}

/// The errors caught by an error boundary, each as an alert.
#[component]
pub fn ErrorList(errors: ArcRwSignal<Errors>) -> impl IntoView {
    view! {
        <div class="error-panel" role="alert">
            <h2>{move_tr!("error-page-cannot-be-shown")}</h2>
            <ul>
                {move || {
                    errors
                        .get()
                        .into_iter()
                        .map(|(_, e)| view! { <li>{messages::error(&**e)}</li> })
                        .collect_view()
                }}
            </ul>
            <p>
                <a href="/">{move_tr!("error-go-home")}</a>
            </p>
        </div>
    }
}
