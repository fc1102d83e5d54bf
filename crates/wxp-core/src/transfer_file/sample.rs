//! The sample transfer file, and the file of rows with problems.

use super::review::{Review, RowProblem};
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

/// The rows with problems, as written, with a Problem column: ready to fix
/// and upload again.
pub fn problems_csv(review: &Review) -> String {
    problems_csv_worded(review, |p| format!("Line {}: {}", p.line, p.reason))
}

/// [`problems_csv`] with the Problem column worded by `problem` (e.g. in
/// the user's language). The other columns keep their English names: the
/// backend reads them.
pub fn problems_csv_worded(review: &Review, problem: impl Fn(&RowProblem) -> String) -> String {
    write_csv(
        &["Serial Number", "Customer ID", PROBLEM_COLUMN],
        review.problems.iter().map(|p| -> [Cow<str>; 3] {
            [
                Cow::Borrowed(&p.serial),
                Cow::Borrowed(&p.customer),
                Cow::Owned(problem(p)),
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
