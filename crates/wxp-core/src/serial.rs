//! HP PC serial numbers.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The length of every HP PC serial number.
pub const SERIAL_LEN: usize = 10;

/// An HP PC serial number: exactly ten ASCII letters and digits, upper case.
///
/// Stored inline (no allocation, `Copy`), so lists of 100,000 devices clone,
/// hash and compare cheaply.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SerialNumber([u8; SERIAL_LEN]);

/// Why a piece of text is not a serial number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SerialError {
    /// Nothing was given (or only spaces).
    Empty,
    /// The text has the wrong number of characters.
    WrongLength {
        /// How many characters were given.
        found: usize,
    },
    /// A character other than a letter or digit.
    InvalidCharacter {
        /// The offending character.
        found: char,
    },
}

impl fmt::Display for SerialError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SerialError::Empty => write!(f, "the serial number is empty"),
            SerialError::WrongLength { found } => write!(
                f,
                "an HP serial number has {SERIAL_LEN} letters and digits, this one has {found}"
            ),
            SerialError::InvalidCharacter { found } => write!(
                f,
                "an HP serial number has only letters and digits, this one contains {found:?}"
            ),
        }
    }
}

impl std::error::Error for SerialError {}

impl SerialNumber {
    /// Parses a serial number, ignoring surrounding spaces and letter case.
    pub fn parse(text: &str) -> Result<SerialNumber, SerialError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(SerialError::Empty);
        }
        if let Some(found) = text.chars().find(|c| !c.is_ascii_alphanumeric()) {
            return Err(SerialError::InvalidCharacter { found });
        }
        if text.len() != SERIAL_LEN {
            return Err(SerialError::WrongLength { found: text.len() });
        }
        let mut bytes = [0u8; SERIAL_LEN];
        for (slot, b) in bytes.iter_mut().zip(text.bytes()) {
            *slot = b.to_ascii_uppercase();
        }
        Ok(SerialNumber(bytes))
    }

    /// The serial number as text.
    pub fn as_str(&self) -> &str {
        // Only ASCII alphanumerics ever get in (see `parse`).
        std::str::from_utf8(&self.0).expect("serial numbers are ASCII")
    }
}

impl fmt::Display for SerialNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for SerialNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SerialNumber({})", self.as_str())
    }
}

impl std::str::FromStr for SerialNumber {
    type Err = SerialError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        SerialNumber::parse(s)
    }
}

impl Serialize for SerialNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for SerialNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        SerialNumber::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_and_spaces() {
        let s = SerialNumber::parse("  5cg1234abc ").unwrap();
        assert_eq!(s.as_str(), "5CG1234ABC");
    }

    #[test]
    fn says_what_is_wrong() {
        assert_eq!(SerialNumber::parse(" "), Err(SerialError::Empty));
        assert_eq!(
            SerialNumber::parse("5CG123"),
            Err(SerialError::WrongLength { found: 6 })
        );
        assert_eq!(
            SerialNumber::parse("5CG-234ABC"),
            Err(SerialError::InvalidCharacter { found: '-' })
        );
        assert!(SerialNumber::parse("5CG1234ABCD")
            .unwrap_err()
            .to_string()
            .contains("this one has 11"));
    }

    #[test]
    fn serde_round_trip_validates() {
        let s = SerialNumber::parse("5CG1234ABC").unwrap();
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, "\"5CG1234ABC\"");
        assert_eq!(serde_json::from_str::<SerialNumber>(&json).unwrap(), s);
        assert!(serde_json::from_str::<SerialNumber>("\"bad\"").is_err());
    }
}
