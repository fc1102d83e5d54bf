//! Who is signed in: one demo account per browser, shared by its tabs as a
//! session cookie is.

use super::request::Refusal;
use crate::api::ErrorReason;
use crate::engine::Engine;
use crate::{AccessError, UserId};

/// The signed-in account, if any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Identity(Option<UserId>);

impl From<Option<UserId>> for Identity {
    fn from(user: Option<UserId>) -> Identity {
        Identity(user)
    }
}

impl Identity {
    /// The account signed in, whether or not the data still has it.
    pub(super) fn user(&self) -> Option<&UserId> {
        self.0.as_ref()
    }

    /// Signs `user` in, in place of whoever was.
    pub(super) fn sign_in(&mut self, user: UserId) {
        self.0 = Some(user);
    }

    /// Signs out.
    pub(super) fn sign_out(&mut self) {
        self.0 = None;
    }

    /// The acting account: a 401 when nobody is signed in, and a 401 that
    /// names the account when the data no longer has it (the demo data was
    /// reset in another tab): the page says so when it signs out. (A
    /// server's session never outlives its user.)
    pub(super) fn actor(&self, engine: &Engine) -> Result<UserId, Refusal> {
        match &self.0 {
            Some(user) if engine.find_user(user).is_some() => Ok(user.clone()),
            Some(gone) => Err(ErrorReason::Access(AccessError::UnknownUser(gone.clone())).into()),
            None => Err(ErrorReason::SignedOut.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed::DemoConfig;

    #[test]
    fn only_an_account_the_data_has_acts() {
        let engine = Engine::new(DemoConfig::default());
        let mut identity = Identity::default();
        assert_eq!(identity.actor(&engine).unwrap_err().status, 401);
        identity.sign_in(UserId("u-ghost".into()));
        assert_eq!(identity.actor(&engine).unwrap_err().status, 401);
        identity.sign_in(UserId("u-alpine-admin".into()));
        assert_eq!(identity.actor(&engine).unwrap().0, "u-alpine-admin");
        identity.sign_out();
        assert_eq!(identity.user(), None);
    }
}
