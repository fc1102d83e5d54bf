//! Who is signed in, as the backend says: the server's session cookie, or
//! the demo account the mock keeps. The page asks once and keeps the
//! answer in context; signing in and out replace it.

use crate::backend::{device_lists, Backend, BackendError, Notice, StartupNotice};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use wxp_core::engine::Session;
use wxp_core::{AccessError, UserId};

/// The current session (`None`: nobody is signed in), shared through
/// context, and the notice that says why one ended.
#[derive(Clone, Copy)]
pub struct CurrentSession {
    session: LocalResource<Result<Option<Session>, BackendError>>,
    notice: RwSignal<Option<Notice>>,
}

impl CurrentSession {
    /// Asks the backend who is signed in and provides the answer. Needs the
    /// [`StartupNotice`] in context.
    pub fn provide(backend: Arc<dyn Backend>) -> CurrentSession {
        let StartupNotice(notice) = expect_context();
        let current = CurrentSession {
            session: LocalResource::new({
                let backend = backend.clone();
                move || backend.session()
            }),
            notice,
        };
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
        self.session
    }

    /// Asks the backend again (a session can end on the server).
    pub fn refetch(self) {
        self.session.refetch();
    }

    /// The signed-in user, changing only at sign-in and sign-out.
    pub fn user(self) -> Memo<Option<UserId>> {
        let resource = self.session;
        Memo::new(move |_| {
            resource.with(|s| match s {
                Some(Ok(Some(session))) => Some(session.user.id.clone()),
                _ => None,
            })
        })
    }

    /// `session` has just signed in.
    pub fn signed_in(self, session: Session) {
        device_lists::forget();
        self.session.set(Some(Ok(Some(session))));
    }

    /// The session has just ended.
    pub fn signed_out(self) {
        device_lists::forget();
        self.session.set(Some(Ok(None)));
    }

    /// The backend answered that nobody is signed in while the page had a
    /// session (signed out in another tab, the demo data reset, the
    /// session expired): the session ends here too, with a notice saying
    /// so. The portal's pages then lead to the sign-in page.
    pub fn ended(self) {
        let signed_in = self
            .session
            .try_with_untracked(|s| matches!(s, Some(Ok(Some(_)))))
            .unwrap_or(false);
        if signed_in {
            self.notice.set(Some(Notice::SessionEnded));
            self.signed_out();
        }
    }

    /// A remembered account the backend no longer knows (the demo data was
    /// reset elsewhere) is signed out, with a notice, rather than left on
    /// an error.
    fn end_if_stale(self, backend: Arc<dyn Backend>) {
        let notice = self.notice;
        // Talks to the outside world: ends the backend's session.
        Effect::new(move |_| {
            let stale = self.session.with(|s| match s {
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
