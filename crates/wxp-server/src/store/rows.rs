//! How domain values sit in columns, and rows read back into domain types.
//!
//! A stored value that does not decode (a hand-edited or corrupted
//! database) is a decode error naming the column and the value, never a
//! panic.

use serde::de::DeserializeOwned;
use serde::Serialize;
use sqlx::FromRow;
use wxp_core::{Customer, CustomerId, Partner, PartnerId, Role, TenantId};
use wxp_core::{User, UserId};

/// The serde name of a unit enum variant ("PremiumPlus", "Queued", …).
pub fn enum_text<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(e) => unreachable!("domain enums serialise: {e}"),
    }
}

/// The value of a column written by [`enum_text`] (or as JSON).
pub fn enum_from<T: DeserializeOwned>(column: &str, text: &str) -> Result<T, sqlx::Error> {
    serde_json::from_value(serde_json::Value::String(text.to_owned()))
        .or_else(|_| serde_json::from_str(text))
        .map_err(|e| corrupt(column, text, e))
}

/// A decode error for a stored value that does not read back.
pub fn corrupt(column: &str, text: &str, why: impl std::fmt::Display) -> sqlx::Error {
    sqlx::Error::Decode(format!("stored {column} {text:?} cannot be read: {why}").into())
}

/// A flag read as 0 or 1 (`CASE WHEN column THEN 1 ELSE 0 END`). The
/// columns are BOOLEAN in both databases, but SQLite has no boolean values,
/// so the one reading that both agree on is an integer.
#[derive(Debug, Clone, Copy, sqlx::Type)]
#[sqlx(transparent)]
pub struct Flag(pub i64);

/// A tenant as two columns: its kind and its id.
pub fn tenant_columns(tenant: &TenantId) -> (&'static str, &str) {
    match tenant {
        TenantId::Holding(p) => ("holding", &p.0),
        TenantId::Customer(c) => ("customer", &c.0),
    }
}

/// A tenant read back from its two columns.
pub fn tenant_from(kind: &str, id: String) -> Result<TenantId, sqlx::Error> {
    match kind {
        "holding" => Ok(TenantId::Holding(PartnerId(id))),
        "customer" => Ok(TenantId::Customer(CustomerId(id))),
        other => Err(corrupt("tenant kind", other, "not holding or customer")),
    }
}

/// A `partners` row.
#[derive(FromRow)]
pub struct PartnerRow {
    id: String,
    name: String,
    kind: String,
    setup_complete: Flag,
}

impl PartnerRow {
    /// The partner.
    pub fn into_partner(self) -> Result<Partner, sqlx::Error> {
        Ok(Partner {
            kind: enum_from("partner kind", &self.kind)?,
            id: PartnerId(self.id),
            name: self.name,
            setup_complete: self.setup_complete.0 != 0,
        })
    }
}

/// A `customers` row.
#[derive(FromRow)]
pub struct CustomerRow {
    id: String,
    partner_id: String,
    name: String,
    country: String,
    cpin: String,
    insights_collection: Flag,
    self_service_alerts: Flag,
}

impl From<CustomerRow> for Customer {
    fn from(r: CustomerRow) -> Customer {
        Customer {
            id: CustomerId(r.id),
            partner: PartnerId(r.partner_id),
            name: r.name,
            country: r.country,
            cpin: r.cpin,
            insights_collection: r.insights_collection.0 != 0,
            self_service_alerts: r.self_service_alerts.0 != 0,
        }
    }
}

/// A `users` row.
#[derive(FromRow)]
pub struct UserRow {
    id: String,
    name: String,
    email: String,
    partner_id: Option<String>,
    customer_id: Option<String>,
}

impl UserRow {
    /// The user, with the role its columns say.
    pub fn into_user(self) -> Result<User, sqlx::Error> {
        let role = match (self.partner_id, self.customer_id) {
            (Some(partner), None) => Role::PartnerAdmin {
                partner: PartnerId(partner),
            },
            (None, Some(customer)) => Role::ItAdmin {
                customer: CustomerId(customer),
            },
            _ => return Err(corrupt("user", &self.id, "it has no single role")),
        };
        Ok(User {
            id: UserId(self.id),
            name: self.name,
            email: self.email,
            role,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wxp_core::engine::JobState;
    use wxp_core::SupportPlan;

    #[test]
    fn enums_round_trip_through_their_serde_names() {
        assert_eq!(enum_text(&SupportPlan::PremiumPlus), "PremiumPlus");
        assert_eq!(
            enum_from::<JobState>("job state", "Running").unwrap(),
            JobState::Running
        );
    }

    #[test]
    fn a_corrupted_value_names_its_column() {
        let err = enum_from::<SupportPlan>("support plan", "Gold").unwrap_err();
        assert!(err.to_string().contains("support plan \"Gold\""), "{err}");
        assert!(tenant_from("galaxy", "x".into()).is_err());
    }
}
