//! Who is signed in, remembered across reloads.

use crate::browser;
use leptos::prelude::*;
use wxp_core::UserId;

const KEY: &str = "wxp-portal/session";

/// The signed-in user, shared through context.
#[derive(Clone, Copy)]
pub struct SignedIn(pub RwSignal<Option<UserId>>);

impl SignedIn {
    /// Reads the remembered user and provides the context.
    pub fn provide() -> SignedIn {
        let user = browser::storage_get(KEY).map(UserId);
        let signed_in = SignedIn(RwSignal::new(user));
        provide_context(signed_in);
        signed_in
    }

    /// The context provided by [`SignedIn::provide`].
    pub fn expect() -> SignedIn {
        expect_context()
    }

    /// Signs `user` in and remembers it.
    pub fn sign_in(self, user: UserId) {
        // Without storage (private mode, quota) the session lasts until reload.
        let _ = browser::storage_set(KEY, &user.0);
        self.0.set(Some(user));
    }

    /// Forgets the signed-in user.
    pub fn sign_out(self) {
        browser::storage_remove(KEY);
        self.0.set(None);
    }
}
