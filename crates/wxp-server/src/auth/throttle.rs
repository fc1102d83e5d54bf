//! Slowing down repeated failed sign-ins, per e-mail address.
//!
//! The first few mistakes cost nothing; after that each further attempt
//! must wait twice as long as the one before (2 s, 4 s, 8 s …), up to five
//! minutes. Times are whole seconds, so the shortest wait is 2 s: never
//! rounded away. The count
//! is in the database, so every server process enforces the same wait.

use crate::store::Conn;

/// Failures allowed before waits begin.
const FREE_FAILURES: i64 = 3;
/// The longest wait, in seconds.
const MAX_WAIT: i64 = 300;

/// The seconds the next attempt must wait after `failures` failures, the
/// last at `last`; 0 when it may go ahead at `now`.
pub fn wait_after(failures: i64, last: i64, now: i64) -> u64 {
    if failures < FREE_FAILURES {
        return 0;
    }
    let wait = 2i64 << (failures - FREE_FAILURES).min(9);
    let wait = wait.min(MAX_WAIT);
    (last + wait - now).max(0) as u64
}

/// How long the address must still wait before a new attempt is heard.
pub async fn pending_wait(conn: &mut Conn, email_key: &str, now: i64) -> Result<u64, sqlx::Error> {
    let row: Option<(i64, i64)> = sqlx::query_as(
        "SELECT failures, last_failure_at FROM sign_in_failures WHERE email_key = $1",
    )
    .bind(email_key)
    .fetch_optional(conn)
    .await?;
    Ok(row.map_or(0, |(failures, last)| wait_after(failures, last, now)))
}

/// Records a failed attempt.
pub async fn record_failure(conn: &mut Conn, email_key: &str, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO sign_in_failures (email_key, failures, last_failure_at) VALUES ($1, 1, $2) \
         ON CONFLICT (email_key) DO UPDATE SET failures = sign_in_failures.failures + 1, \
         last_failure_at = excluded.last_failure_at",
    )
    .bind(email_key)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Forgets the failures of an address that signed in.
pub async fn clear(conn: &mut Conn, email_key: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sign_in_failures WHERE email_key = $1")
        .bind(email_key)
        .execute(conn)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_after_the_free_failures_and_stop_at_five_minutes() {
        assert_eq!(wait_after(2, 100, 100), 0);
        assert_eq!(wait_after(3, 100, 100), 2);
        assert_eq!(wait_after(3, 100, 101), 1);
        assert_eq!(wait_after(4, 100, 100), 4);
        assert_eq!(wait_after(5, 100, 101), 7);
        assert_eq!(wait_after(40, 100, 100), 300);
        assert_eq!(wait_after(40, 100, 500), 0);
    }
}
