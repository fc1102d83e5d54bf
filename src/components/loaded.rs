//! Shows a backend read: a loading line, the error if it failed, the view
//! if it succeeded.

use crate::backend::BackendError;
use crate::i18n::messages;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_fluent::move_tr;
use std::future::IntoFuture;

/// Renders `resource` with `render` once it has loaded, inside a
/// `<Transition>` (the previous content stays while a new read loads); a
/// read that failed shows what went wrong, in the panel an
/// `<ErrorBoundary>` shows for errors the rendered view throws.
///
/// The read's own error is shown here rather than thrown to the boundary:
/// an error thrown from a `Suspend` reaches the boundary through a global
/// hook that two reads answering in another order than they started leave
/// pointing elsewhere (with the server, the Customers drop-down's list
/// answering before the page's customer left `<main>` empty).
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
                    // The read holds its data from here on: a view on its way
                    // out (the session ended, the page changed) can be asked
                    // to render once more after its resource has gone.
                    let data = (!resource.is_disposed()).then(|| resource.into_future());
                    Suspend::new(async move {
                        let read = data?.await;
                        Some(match read {
                            Ok(value) => Either::Left(render(value)),
                            Err(error) => Either::Right(error_panel(error)),
                        })
                    })
                }}
            </ErrorBoundary>
        </Transition>
    }
}

/// The errors caught by an error boundary, each as an alert.
#[component]
pub fn ErrorList(errors: ArcRwSignal<Errors>) -> impl IntoView {
    panel(move || {
        errors
            .get()
            .into_iter()
            .map(|(_, e)| view! { <li>{messages::error(&**e)}</li> })
            .collect_view()
    })
}

/// One backend error of a read, as the error boundary shows it (no rule
/// refuses a read: [`messages::request_error`]).
pub fn error_panel(error: BackendError) -> impl IntoView {
    panel(move || view! { <li>{messages::request_error(&error)}</li> })
}

fn panel<V: IntoView + 'static>(items: impl Fn() -> V + Send + Sync + 'static) -> impl IntoView {
    view! {
        <div class="error-panel" role="alert">
            <h2>{move_tr!("error-page-cannot-be-shown")}</h2>
            <ul>{items}</ul>
            <p>
                <a href="/">{move_tr!("error-go-home")}</a>
            </p>
        </div>
    }
}
