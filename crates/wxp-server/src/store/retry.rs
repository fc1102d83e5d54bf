//! Transactions that lost a race are run again.
//!
//! On PostgreSQL (and the distributed engines that speak its protocol) a
//! serializable transaction that conflicts with another fails with SQLSTATE
//! 40001 and nothing of it is kept; SQLite says `SQLITE_BUSY` when its lock
//! wait runs out. Either way the whole transaction runs again from the
//! start, reading the facts afresh. Requests are retried as a whole by the
//! router (`routes::retry`); background work uses [`with_retries`].

use std::future::Future;
use std::time::Duration;

/// How many times a transaction runs before its failure is reported.
pub const ATTEMPTS: u32 = 8;

/// Whether running the transaction again may succeed.
///
/// A unique violation is one too: every write checks the keys it takes
/// before it inserts, so a violation means a concurrent transaction took the
/// key in between, and running again answers as the rules say (the name is
/// taken, the same job is found, another random number is drawn).
pub fn is_retryable(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::Database(e) => {
            e.is_unique_violation()
                || matches!(
                    e.code().as_deref(),
                    // serialization_failure, deadlock_detected
                    Some("40001") | Some("40P01")
                    // SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED
                    | Some("5") | Some("517") | Some("6")
                )
        }
        _ => false,
    }
}

/// A short random pause before attempt `attempt` (1-based), growing with it,
/// so that two transactions that collided do not collide again.
pub fn backoff(attempt: u32) -> Duration {
    let mut bytes = [0u8; 2];
    let jitter = match getrandom::fill(&mut bytes) {
        Ok(()) => u64::from(u16::from_le_bytes(bytes)) % 10,
        Err(_) => 5,
    };
    Duration::from_millis((2u64 << attempt.min(6)) + jitter)
}

/// Runs `transaction` until it succeeds, fails for another reason, or has
/// run [`ATTEMPTS`] times.
pub async fn with_retries<T, F, Fut>(mut transaction: F) -> Result<T, sqlx::Error>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, sqlx::Error>>,
{
    let mut attempt = 1;
    loop {
        match transaction().await {
            Err(e) if is_retryable(&e) && attempt < ATTEMPTS => {
                tokio::time::sleep(backoff(attempt)).await;
                attempt += 1;
            }
            other => return other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_stays_short() {
        assert!(backoff(1) < Duration::from_millis(20));
        assert!(backoff(6) >= Duration::from_millis(128));
        assert!(backoff(30) < Duration::from_millis(200));
    }

    #[tokio::test]
    async fn other_errors_are_not_retried() {
        let mut runs = 0;
        let result: Result<(), _> = with_retries(|| {
            runs += 1;
            async { Err(sqlx::Error::RowNotFound) }
        })
        .await;
        assert!(result.is_err());
        assert_eq!(runs, 1);
    }
}
