//! Enrolling PCs into a customer's dashboard with its cPIN.

use crate::engine::{DashboardError, EnrolOutcome};
use crate::fast_hash::FastSet;
use crate::model::Customer;
use crate::serial::SerialNumber;

/// Where a PC is, seen from the dashboard it is being enrolled into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnrolPlace {
    /// In this dashboard already.
    ThisDashboard,
    /// In the holding tenant of the dashboard's partner.
    PartnerHolding,
    /// In the dashboard of another customer of the same partner.
    OtherCustomerOfPartner,
    /// Nowhere the partner can see: another partner's PCs count as not
    /// found, so nobody learns what exists outside their account.
    Elsewhere,
}

/// Whether `cpin` is the customer's cPIN: compared case-insensitively,
/// ignoring surrounding spaces; otherwise [`DashboardError::WrongCpin`].
pub fn check_cpin(customer: &Customer, cpin: &str) -> Result<(), DashboardError> {
    if customer.cpin.eq_ignore_ascii_case(cpin.trim()) {
        Ok(())
    } else {
        Err(DashboardError::WrongCpin)
    }
}

/// What enrolling each of `serials` (as entered) does, in order.
///
/// `Invalid(e)` for bad serials; `ThisDashboard` or seen earlier in this
/// list -> `AlreadyEnrolled`; `PartnerHolding` -> `Enrolled`;
/// `OtherCustomerOfPartner` -> `OtherCustomer`; `Elsewhere` -> `NotFound`.
/// `place_of` answers where a PC is now; it is asked once per distinct
/// serial number.
pub fn enrol_outcomes(
    serials: &[String],
    place_of: impl Fn(&SerialNumber) -> EnrolPlace,
) -> Vec<EnrolOutcome> {
    let mut seen = FastSet::default();
    serials
        .iter()
        .map(|text| {
            let serial = match SerialNumber::parse(text) {
                Ok(s) => s,
                Err(e) => return EnrolOutcome::Invalid(e),
            };
            if !seen.insert(serial) {
                return EnrolOutcome::AlreadyEnrolled;
            }
            match place_of(&serial) {
                EnrolPlace::ThisDashboard => EnrolOutcome::AlreadyEnrolled,
                EnrolPlace::PartnerHolding => EnrolOutcome::Enrolled,
                EnrolPlace::OtherCustomerOfPartner => EnrolOutcome::OtherCustomer,
                EnrolPlace::Elsewhere => EnrolOutcome::NotFound,
            }
        })
        .collect()
}

/// The serials whose outcome is `Enrolled` (`outcomes` as
/// [`enrol_outcomes`] returned them for `serials`): the PCs to move.
pub fn enrolled(serials: &[String], outcomes: &[EnrolOutcome]) -> FastSet<SerialNumber> {
    outcomes
        .iter()
        .zip(serials)
        .filter(|(o, _)| **o == EnrolOutcome::Enrolled)
        .filter_map(|(_, s)| SerialNumber::parse(s).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{CustomerId, PartnerId};
    use crate::serial::SerialError;

    fn sn(s: &str) -> SerialNumber {
        SerialNumber::parse(s).unwrap()
    }

    #[test]
    fn cpin_ignores_case_and_spaces() {
        let c = Customer {
            id: CustomerId::from_bits(1),
            partner: PartnerId("P1".into()),
            name: "Contoso".into(),
            country: "Italy".into(),
            cpin: "AB12CD".into(),
            insights_collection: false,
            self_service_alerts: false,
        };
        assert_eq!(check_cpin(&c, " ab12cd "), Ok(()));
        assert_eq!(check_cpin(&c, "AB12CE"), Err(DashboardError::WrongCpin));
    }

    #[test]
    fn outcomes_follow_the_place() {
        let serials: Vec<String> = [
            "5CG0000001",
            "5CG0000002",
            "5CG0000003",
            "5CG0000004",
            "5cg0000002",
            "bad!",
        ]
        .map(str::to_owned)
        .into();
        let place = |s: &SerialNumber| match s.as_str() {
            "5CG0000001" => EnrolPlace::ThisDashboard,
            "5CG0000002" => EnrolPlace::PartnerHolding,
            "5CG0000003" => EnrolPlace::OtherCustomerOfPartner,
            _ => EnrolPlace::Elsewhere,
        };
        let outcomes = enrol_outcomes(&serials, place);
        assert_eq!(
            outcomes,
            vec![
                EnrolOutcome::AlreadyEnrolled,
                EnrolOutcome::Enrolled,
                EnrolOutcome::OtherCustomer,
                EnrolOutcome::NotFound,
                // Listed twice: enrolled once.
                EnrolOutcome::AlreadyEnrolled,
                EnrolOutcome::Invalid(SerialError::InvalidCharacter { found: '!' }),
            ]
        );
        assert_eq!(
            enrolled(&serials, &outcomes),
            FastSet::from_iter([sn("5CG0000002")])
        );
    }
}
