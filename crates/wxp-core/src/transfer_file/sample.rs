//! The sample transfer file, and the file of rows with problems.

use super::problem_rows::{rows_with_problems, Reason};
use super::raw::TransferFile;
use super::review::Review;
use crate::export::write_csv;
use std::borrow::Cow;

/// The name the sample downloads under.
pub const SAMPLE_FILE_NAME: &str = "transfer-sample.csv";

/// The sample transfer file: the header the backend reads and two example
/// rows, CRLF-terminated so that Excel opens it cleanly.
pub const SAMPLE_FILE: &str =
    "Serial Number,Customer ID\r\n5CG1234ABC,CUS-1A2B3C4D\r\n5CG5678DEF,CUS-1A2B3C4D\r\n";

/// The name of the note column of [`problems_csv`]; a transfer file whose
/// header names column C so is read without it.
pub const PROBLEM_COLUMN: &str = "Problem";

/// The rows with problems ([`rows_with_problems`]), as written, with a
/// Problem column in English: ready to fix and upload again. The page words
/// the Problem column in the user's language; the other columns keep their
/// English names, which the backend reads.
pub fn problems_csv(review: &Review, file: &TransferFile) -> String {
    write_csv(
        &["Serial Number", "Customer ID", PROBLEM_COLUMN],
        rows_with_problems(review, file)
            .into_iter()
            .map(|p| -> [Cow<str>; 3] {
                let problem = match &p.reason {
                    Reason::Row(reason) => format!("Line {}: {reason}", p.line),
                    Reason::OtherCustomerId { expected } => format!(
                        "Line {}: the file is for {expected}; this row names another Customer ID",
                        p.line
                    ),
                };
                [
                    Cow::Owned(p.serial),
                    Cow::Owned(p.customer),
                    Cow::Owned(problem),
                ]
            }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transfer_file::{read_csv, Limits};

    #[test]
    fn the_sample_reads_as_a_transfer_file() {
        let file = read_csv(SAMPLE_FILE.as_bytes(), Limits::TRANSFER).unwrap();
        assert!(file.header.is_some());
        assert_eq!(file.rows.len(), 2);
        assert_eq!(file.customer_ids, ["CUS-1A2B3C4D"]);
    }
}
