//! Who is signed in, as the backend says: the server's session cookie, or
//! the demo account the mock keeps. The page asks once and keeps the
//! answer in context; signing in and out replace it.

use crate::backend::{Backend, BackendError, Notice, StartupNotice};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use wxp_core::engine::Session;
use wxp_core::{AccessError, UserId};

/// The current session (`None`: nobody is signed in), shared through
/// context.
#[derive(Clone, Copy)]
pub struct CurrentSession(LocalResource<Result<Option<Session>, BackendError>>);

impl CurrentSession {
    /// Asks the backend who is signed in and provides the answer. Needs the
    /// [`StartupNotice`] in context.
    pub fn provide(backend: Arc<dyn Backend>) -> CurrentSession {
        let current = CurrentSession(LocalResource::new({
            let backend = backend.clone();
            move || backend.session()
        }));
        provide_context(current);
        current.end_if_stale(backend);
        current
    }

    /// The context provided by [`CurrentSession::provide`].
    pub fn expect() -> CurrentSession {
        expect_context()
    }

    /// The session, as a resource to show with `loaded()`.
    pub fn resource(self) -> LocalResource<Result<Option<Session>, BackendError>> {
        self.0
    }

    /// Asks the backend again (a session can end on the server).
    pub fn refetch(self) {
        self.0.refetch();
    }

    /// The signed-in user, changing only at sign-in and sign-out.
    pub fn user(self) -> Memo<Option<UserId>> {
        let resource = self.0;
        Memo::new(move |_| {
            resource.with(|s| match s {
                Some(Ok(Some(session))) => Some(session.user.id.clone()),
                _ => None,
            })
        })
    }

    /// `session` has just signed in.
    pub fn signed_in(self, session: Session) {
        self.0.set(Some(Ok(Some(session))));
    }

    /// The session has just ended.
    pub fn signed_out(self) {
        self.0.set(Some(Ok(None)));
    }

    /// A remembered account the backend no longer knows (the demo data was
    /// reset elsewhere) is signed out, with a notice, rather than left on
    /// an error.
    fn end_if_stale(self, backend: Arc<dyn Backend>) {
        let StartupNotice(notice) = expect_context();
        // Talks to the outside world: ends the backend's session.
        Effect::new(move |_| {
            let stale = self.0.with(|s| match s {
                Some(Err(err @ BackendError::Access(AccessError::UnknownUser(_)))) => {
                    Some(err.clone())
                }
                _ => None,
            });
            if let Some(err) = stale {
                notice.set(Some(Notice::Error(err)));
                let sign_out = backend.sign_out();
                spawn_local(async move {
                    let _ = sign_out.await;
                    self.signed_out();
                });
            }
        });
    }
}
