//! Passwords, hashed with Argon2id. Hashing is deliberately slow, so it runs
//! on the blocking pool, never on the async workers.

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::Argon2;

/// Hashes a password into a PHC string (`$argon2id$v=19$…`), salted.
pub async fn hash(password: String) -> Result<String, String> {
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(password.as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| format!("the password could not be hashed: {e}"))
    })
    .await
    .map_err(|e| e.to_string())?
}

/// Whether `password` matches `stored`. With no stored hash (no such
/// account) it still spends the time of a check, so that a caller cannot
/// tell from the answer's delay which e-mail addresses exist.
pub async fn verify(stored: Option<String>, password: String) -> bool {
    tokio::task::spawn_blocking(move || {
        let real = stored.is_some();
        let phc = stored.unwrap_or_else(|| DUMMY.with(String::clone));
        let matches = PasswordHash::new(&phc).is_ok_and(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        });
        matches && real
    })
    .await
    .unwrap_or(false)
}

thread_local! {
    // A hash to check against when there is no account, made once per
    // blocking thread.
    static DUMMY: String = Argon2::default()
        .hash_password(b"no account")
        .map(|h| h.to_string())
        .unwrap_or_default();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_password_verifies_against_its_own_hash_only() {
        let stored = hash("correct horse".into()).await.unwrap();
        assert!(stored.starts_with("$argon2id$"));
        assert!(verify(Some(stored.clone()), "correct horse".into()).await);
        assert!(!verify(Some(stored), "Correct horse".into()).await);
        assert!(!verify(None, "no account".into()).await);
        assert!(!verify(Some("not a hash".into()), "x".into()).await);
    }
}
