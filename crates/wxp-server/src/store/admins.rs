//! Accounts an operator creates from the command line.

use super::retry::{backoff, ATTEMPTS};
use super::rows::enum_text;
use super::{insert_user, is_retryable, next_user_seq, partner, Db};
use crate::cli::NewAdmin;
use wxp_core::{PartnerId, PartnerKind, Role, User, UserId};

/// Why an admin was not created this time.
enum Refusal {
    /// What the operator must change.
    Said(String),
    /// The database failed (perhaps a race lost: then it runs again).
    Database(sqlx::Error),
}

impl From<sqlx::Error> for Refusal {
    fn from(e: sqlx::Error) -> Self {
        Refusal::Database(e)
    }
}

/// Creates a partner admin who signs in with a password, and their partner
/// if it does not exist yet. Several operators (or scripts) may create
/// admins at once: a transaction that lost a race runs again.
pub async fn create_admin(db: &Db, admin: &NewAdmin, password_hash: &str) -> Result<User, String> {
    let mut attempt = 1;
    loop {
        match create_admin_once(db, admin, password_hash).await {
            Ok(user) => return Ok(user),
            Err(Refusal::Said(why)) => return Err(why),
            Err(Refusal::Database(e)) if is_retryable(&e) && attempt < ATTEMPTS => {
                tokio::time::sleep(backoff(attempt)).await;
                attempt += 1;
            }
            Err(Refusal::Database(e)) => return Err(e.to_string()),
        }
    }
}

async fn create_admin_once(
    db: &Db,
    admin: &NewAdmin,
    password_hash: &str,
) -> Result<User, Refusal> {
    let mut tx = db.write().await?;
    let partner_id = PartnerId(admin.partner.trim().to_owned());
    if partner(&mut tx, &partner_id).await?.is_none() {
        let (Some(name), Some(kind)) = (&admin.partner_name, &admin.partner_kind) else {
            return Err(Refusal::Said(format!(
                "there is no partner {partner_id}; give --partner-name and --partner-kind to create it"
            )));
        };
        let kind = match kind.as_str() {
            "resell" => PartnerKind::ResellViewMonitor,
            "service-delivery" => PartnerKind::ServiceDelivery,
            other => {
                return Err(Refusal::Said(format!(
                    "--partner-kind {other:?} is not resell or service-delivery"
                )))
            }
        };
        sqlx::query(
            "INSERT INTO partners (id, name, kind, setup_complete) VALUES ($1, $2, $3, TRUE)",
        )
        .bind(&partner_id.0)
        .bind(name)
        .bind(enum_text(&kind))
        .execute(&mut *tx)
        .await?;
    }
    let email = admin.email.trim().to_owned();
    if !email.contains('@') {
        return Err(Refusal::Said(format!("{email:?} is not an e-mail address")));
    }
    let taken: Option<(String,)> =
        sqlx::query_as("SELECT id FROM users WHERE email_key = $1 AND password_hash IS NOT NULL")
            .bind(crate::auth::email_key(&email))
            .fetch_optional(&mut *tx)
            .await?;
    if taken.is_some() {
        return Err(Refusal::Said(format!(
            "there is already an account for {email}"
        )));
    }
    let user = User {
        id: UserId(format!("u-{}", crate::auth::email_key(&email))),
        name: admin.name.trim().to_owned(),
        email,
        role: Role::PartnerAdmin {
            partner: partner_id,
        },
    };
    let seq = next_user_seq(&mut tx).await?;
    // Another operator creating the same account at this moment makes the
    // unique index refuse it; the next attempt finds the account.
    insert_user(&mut tx, &user, Some(password_hash), seq).await?;
    tx.commit().await?;
    Ok(user)
}
