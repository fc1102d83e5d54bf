//! What makes a whole transfer file unreadable.

use crate::format::thousands;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a file cannot be read as a transfer file at all. Each says what is
/// wrong and, where it has one, where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum FileError {
    /// The file has no bytes.
    Empty,
    /// The file is larger than [`Limits::max_bytes`].
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// The file has more data rows than [`Limits::max_rows`]; reading
    /// stopped at the first row over.
    TooManyRows {
        /// The line of the first row over the limit.
        line: u32,
        /// The limit.
        limit: usize,
    },
    /// The file is not text (nor an Excel workbook).
    Binary,
    /// A row has a non-empty third column, which the user may not have
    /// meant: a transfer file has exactly two.
    ExtraColumn {
        /// The line of the first such row.
        line: u32,
        /// The column letter (C, D, ...).
        column: String,
        /// What the cell holds.
        value: String,
    },
    /// The Excel workbook could not be read.
    Workbook {
        /// What the reader said.
        reason: String,
    },
}

/// The column letter of a zero-based column index: 0 is A, 26 is AA.
pub(crate) fn column_letter(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).expect("ASCII letters")
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Empty => write!(f, "The file is empty."),
            FileError::TooLarge { bytes, limit } => write!(
                f,
                "The file is {} bytes; the limit is {} bytes ({} MB). Split it into smaller files.",
                thousands(*bytes),
                thousands(*limit),
                limit / (1024 * 1024)
            ),
            FileError::TooManyRows { line, limit } => write!(
                f,
                "The file has more than {} rows (line {line} is over the limit). Split it into smaller files.",
                thousands(*limit)
            ),
            FileError::Binary => write!(
                f,
                "The file is not a CSV or Excel file: it does not contain text. Save it from Excel as CSV or as an Excel workbook (.xlsx)."
            ),
            FileError::ExtraColumn { line, column, value } => write!(
                f,
                "Line {line} has a value in column {column} ({value:?}). A transfer file has two columns: A the serial number, B the Customer ID. Remove the other columns and upload it again."
            ),
            FileError::Workbook { reason } => {
                write!(f, "The Excel workbook could not be read: {reason}.")
            }
        }
    }
}

impl std::error::Error for FileError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(2), "C");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }
}
