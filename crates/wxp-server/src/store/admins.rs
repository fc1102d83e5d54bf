//! Accounts an operator creates from the command line.

use super::rows::enum_text;
use super::{insert_user, next_user_seq, partner, Db};
use crate::cli::NewAdmin;
use wxp_core::{PartnerId, PartnerKind, Role, User, UserId};

/// Creates a partner admin who signs in with a password, and their partner
/// if it does not exist yet.
pub async fn create_admin(db: &Db, admin: &NewAdmin, password_hash: &str) -> Result<User, String> {
    let fail = |e: sqlx::Error| e.to_string();
    let mut tx = db.write().await.map_err(fail)?;
    let partner_id = PartnerId(admin.partner.trim().to_owned());
    if partner(&mut tx, &partner_id).await.map_err(fail)?.is_none() {
        let (Some(name), Some(kind)) = (&admin.partner_name, &admin.partner_kind) else {
            return Err(format!(
                "there is no partner {partner_id}; give --partner-name and --partner-kind to create it"
            ));
        };
        let kind = match kind.as_str() {
            "resell" => PartnerKind::ResellViewMonitor,
            "service-delivery" => PartnerKind::ServiceDelivery,
            other => {
                return Err(format!(
                    "--partner-kind {other:?} is not resell or service-delivery"
                ))
            }
        };
        sqlx::query(
            "INSERT INTO partners (id, name, kind, setup_complete) VALUES ($1, $2, $3, TRUE)",
        )
        .bind(&partner_id.0)
        .bind(name)
        .bind(enum_text(&kind))
        .execute(&mut *tx)
        .await
        .map_err(fail)?;
    }
    let email = admin.email.trim().to_owned();
    if !email.contains('@') {
        return Err(format!("{email:?} is not an e-mail address"));
    }
    let user = User {
        id: UserId(format!("u-{}", crate::auth::email_key(&email))),
        name: admin.name.trim().to_owned(),
        email,
        role: Role::PartnerAdmin {
            partner: partner_id,
        },
    };
    let seq = next_user_seq(&mut tx).await.map_err(fail)?;
    insert_user(&mut tx, &user, Some(password_hash), seq)
        .await
        .map_err(|e| match e {
            sqlx::Error::Database(d) if d.is_unique_violation() => {
                format!("there is already an account for {}", user.email)
            }
            other => other.to_string(),
        })?;
    tx.commit().await.map_err(fail)?;
    Ok(user)
}
