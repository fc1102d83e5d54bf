//! Creating customer dashboards.

use crate::engine::{DashboardError, NewCustomer};
use crate::ids::UserId;
use crate::model::{Customer, Role, User};

/// Checks a new customer dashboard: trims every field; then, in order,
/// [`DashboardError::EmptyName`], [`DashboardError::DuplicateName`] (when
/// `name_taken(name_key(&trimmed_name))`), [`DashboardError::EmptyCountry`],
/// [`DashboardError::BadEmail`], [`DashboardError::EmailTaken`] (when
/// `email_taken(email_key(&email))`: one address, one account, so that
/// signing in by e-mail is never ambiguous). Returns the trimmed customer.
///
/// `name_taken` answers whether the acting partner already has a customer
/// under that [`name_key`]; it is asked only for a non-empty name.
pub fn check_new_customer(
    new: NewCustomer,
    name_taken: impl FnOnce(&str) -> bool,
    email_taken: impl FnOnce(&str) -> bool,
) -> Result<NewCustomer, DashboardError> {
    let name = new.name.trim().to_owned();
    if name.is_empty() {
        return Err(DashboardError::EmptyName);
    }
    if name_taken(&name_key(&name)) {
        return Err(DashboardError::DuplicateName(name));
    }
    let country = new.country.trim().to_owned();
    if country.is_empty() {
        return Err(DashboardError::EmptyCountry);
    }
    let email = new.admin_email.trim().to_owned();
    if !is_email(&email) {
        return Err(DashboardError::BadEmail(email));
    }
    if email_taken(&email_key(&email)) {
        return Err(DashboardError::EmailTaken(email));
    }
    Ok(NewCustomer {
        name,
        country,
        admin_email: email,
    })
}

/// Whether `email` (already trimmed) looks like an e-mail address: a
/// non-empty local part, a domain with an inner dot, and no space.
fn is_email(email: &str) -> bool {
    matches!(email.split_once('@'), Some((local, domain))
        if !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !email.contains(' '))
}

/// The key under which customer names are unique within a partner
/// (case-insensitive, and whatever spaces surround them; a server stores it
/// in a unique index and looks a name up by it before it inserts one).
pub fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// The key under which an e-mail address names one account: whatever its
/// case and surrounding spaces.
pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// The IT admin account a new dashboard's admin e-mail gets: (UserId
/// "u-<customer id lowercase>", name = local part of the e-mail) — today's
/// `apply_customer_created`.
pub fn it_admin_for(customer: &Customer, admin_email: &str) -> User {
    let local = admin_email.split('@').next().unwrap_or("admin");
    User {
        id: UserId(format!("u-{}", customer.id.as_str().to_lowercase())),
        name: local.to_owned(),
        email: admin_email.to_owned(),
        role: Role::ItAdmin {
            customer: customer.id.clone(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{CustomerId, PartnerId};

    fn new(name: &str, country: &str, email: &str) -> NewCustomer {
        NewCustomer {
            name: name.to_owned(),
            country: country.to_owned(),
            admin_email: email.to_owned(),
        }
    }

    #[test]
    fn a_new_customer_is_trimmed() {
        assert_eq!(
            check_new_customer(
                new(" Contoso ", " France ", " it@contoso.com "),
                |_| false,
                |_| false
            ),
            Ok(new("Contoso", "France", "it@contoso.com"))
        );
    }

    #[test]
    fn checks_come_in_order() {
        let never = |_: &str| false;
        assert_eq!(
            check_new_customer(new("  ", "", "x"), |_| panic!("not asked"), never),
            Err(DashboardError::EmptyName)
        );
        assert_eq!(
            check_new_customer(new(" Contoso ", "", "x"), |key| key == "contoso", never),
            Err(DashboardError::DuplicateName("Contoso".to_owned()))
        );
        assert_eq!(
            check_new_customer(new("Contoso", " ", "x"), never, never),
            Err(DashboardError::EmptyCountry)
        );
        for bad in ["x", "@a.com", "a@com", "a@.com", "a@com.", "a b@c.com"] {
            assert_eq!(
                check_new_customer(new("Contoso", "France", bad), never, never),
                Err(DashboardError::BadEmail(bad.to_owned())),
                "{bad}"
            );
        }
    }

    #[test]
    fn an_address_names_one_account() {
        assert_eq!(
            check_new_customer(
                new("Lakeshore", "Italy", " IT@Contoso.com "),
                |_| false,
                |key| key == "it@contoso.com"
            ),
            Err(DashboardError::EmailTaken("IT@Contoso.com".to_owned()))
        );
    }

    #[test]
    fn names_are_unique_whatever_their_case() {
        assert_eq!(name_key("Contoso Ltd"), name_key("CONTOSO ltd"));
        assert_ne!(name_key("Contoso"), name_key("Contoso Ltd"));
    }

    #[test]
    fn the_admin_email_becomes_an_it_admin() {
        let c = Customer {
            id: CustomerId::from_bits(0xA1B2),
            partner: PartnerId("P1".into()),
            name: "Contoso".into(),
            country: "France".into(),
            cpin: "AB12CD".into(),
            insights_collection: false,
            self_service_alerts: false,
        };
        let user = it_admin_for(&c, "jane.doe@contoso.com");
        assert_eq!(user.id, UserId("u-cus-0000a1b2".to_owned()));
        assert_eq!(user.name, "jane.doe");
        assert_eq!(user.email, "jane.doe@contoso.com");
        assert_eq!(user.role, Role::ItAdmin { customer: c.id });
    }
}
