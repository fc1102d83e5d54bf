//! Identifiers of partners, customers, tenants and users.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A partner (reseller or service delivery partner) of HP.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PartnerId(pub String);

/// A customer's **Customer ID**, shown on Account > Overview and written in
/// column B of a transfer file: `CUS-` and eight upper-case hex digits.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CustomerId(pub String);

/// A user of the portal.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UserId(pub String);

/// Where a device is: a partner's holding tenant ("Unassigned Devices") or a
/// customer's dashboard.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
// Clients send it (a transfer's source): a misspelt field is an error.
#[serde(
    tag = "kind",
    content = "id",
    rename_all = "snake_case",
    deny_unknown_fields
)]
pub enum TenantId {
    /// The holding tenant of a partner.
    Holding(PartnerId),
    /// The dashboard of a customer.
    Customer(CustomerId),
}

/// Why a piece of text is not a Customer ID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerIdError {
    /// The text as given, trimmed.
    pub found: String,
}

impl fmt::Display for CustomerIdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.found.is_empty() {
            write!(f, "the Customer ID is empty")
        } else {
            write!(
                f,
                "{:?} is not a Customer ID (a Customer ID looks like CUS-1A2B3C4D; copy it from Account > Overview)",
                self.found
            )
        }
    }
}

impl std::error::Error for CustomerIdError {}

impl CustomerId {
    const PREFIX: &'static str = "CUS-";
    const DIGITS: usize = 8;

    /// Parses a Customer ID, ignoring surrounding spaces and letter case.
    pub fn parse(text: &str) -> Result<CustomerId, CustomerIdError> {
        let text = text.trim();
        let upper = text.to_ascii_uppercase();
        let valid = upper.len() == Self::PREFIX.len() + Self::DIGITS
            && upper.starts_with(Self::PREFIX)
            && upper[Self::PREFIX.len()..]
                .bytes()
                .all(|b| b.is_ascii_hexdigit());
        if valid {
            Ok(CustomerId(upper))
        } else {
            Err(CustomerIdError {
                found: text.to_owned(),
            })
        }
    }

    /// The Customer ID made of the given 32 bits.
    pub fn from_bits(bits: u32) -> CustomerId {
        CustomerId(format!("{}{bits:08X}", Self::PREFIX))
    }

    /// The ID as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

macro_rules! display_as_inner {
    ($($t:ty),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    )*};
}
display_as_inner!(PartnerId, CustomerId, UserId);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn customer_id_parses_loosely_and_prints_canonically() {
        let id = CustomerId::parse(" cus-00a1b2c3 ").unwrap();
        assert_eq!(id.as_str(), "CUS-00A1B2C3");
        assert_eq!(CustomerId::from_bits(0xA1B2C3), id);
    }

    #[test]
    fn customer_id_errors_name_the_text() {
        let err = CustomerId::parse("12345").unwrap_err();
        assert!(err.to_string().contains("\"12345\" is not a Customer ID"));
        assert_eq!(
            CustomerId::parse("").unwrap_err().to_string(),
            "the Customer ID is empty"
        );
        assert!(CustomerId::parse("CUS-1234567G").is_err());
    }
}
