//! A reviewed transfer file as the Transfer Devices dialog needs it, in a
//! compact form for the trip from the worker that reads and reviews files
//! back to the page.
//!
//! The page shows the [`Verdict`] at once: a small head, decoded as soon as
//! the answer arrives. The rest waits in the answer's bytes until the user
//! asks for it: the serial numbers that can move (10 bytes each) for the
//! submission, and every row with a problem for the download.

use super::facts::{decode_serials, encode_serials};
use super::problem_rows::{rows_with_problems, Problem};
use super::raw::{Format, TransferFile};
use super::review::{FileProblem, Review};
use super::FileError;
use crate::ids::CustomerId;
use crate::serial::SerialNumber;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// What the dialog shows about a file it could read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    /// How the file was read.
    pub format: Format,
    /// Whether its first row was a header, left out.
    pub header: bool,
    /// The data rows read.
    pub rows: usize,
    /// The target customer, when the file names exactly one valid one.
    pub target: Option<(CustomerId, String)>,
    /// Problems with the whole file; any one blocks the transfer.
    pub file_problems: Vec<FileProblem>,
    /// How many rows can move.
    pub valid: usize,
    /// How many rows cannot ([`rows_with_problems`]).
    pub problems: usize,
    /// The first of those rows, in file order.
    pub first_problems: Vec<Problem>,
    /// Whether anything can be submitted ([`Review::can_submit`]).
    pub can_submit: bool,
    /// The source customer's name; `None` for the partner's Unassigned
    /// Devices.
    pub source_name: Option<String>,
}

/// The head of an answer: the verdict, or why the file cannot be read.
#[derive(Serialize, Deserialize)]
struct Head {
    result: Result<Verdict, FileError>,
    /// Where the serial numbers that can move are in the answer.
    valid: Range<usize>,
    /// Where every row with a problem is (JSON).
    problems: Range<usize>,
}

/// Encodes the answer for a file that was reviewed, listing the first
/// `shown` rows with problems in its verdict.
pub fn encode_reviewed(
    file: &TransferFile,
    review: &Review,
    source_name: Option<String>,
    shown: usize,
) -> Vec<u8> {
    let problems = rows_with_problems(review, file);
    let verdict = Verdict {
        format: file.format.clone(),
        header: file.header.is_some(),
        rows: file.rows.len(),
        target: review.target.clone(),
        file_problems: review.file_problems.clone(),
        valid: review.valid.len(),
        problems: problems.len(),
        first_problems: problems.iter().take(shown).cloned().collect(),
        can_submit: review.can_submit(),
        source_name,
    };
    let valid = encode_serials(review.valid.iter().map(|v| &v.serial));
    // Listed in the verdict already, the rest only for the download.
    let problems = if problems.len() > shown {
        serde_json::to_vec(&problems).expect("problems always serialise")
    } else {
        Vec::new()
    };
    encode(Ok(verdict), &valid, &problems)
}

/// Encodes the answer for a file that cannot be read.
pub fn encode_unreadable(error: &FileError) -> Vec<u8> {
    encode(Err(error.clone()), &[], &[])
}

fn encode(result: Result<Verdict, FileError>, valid: &[u8], problems: &[u8]) -> Vec<u8> {
    // The head says where the parts are, so its length must be known
    // first: the parts go before it, and its length last.
    let head = Head {
        result,
        valid: 0..valid.len(),
        problems: valid.len()..valid.len() + problems.len(),
    };
    let json = serde_json::to_vec(&head).expect("the head always serialises");
    let mut out = Vec::with_capacity(valid.len() + problems.len() + json.len() + 4);
    out.extend_from_slice(valid);
    out.extend_from_slice(problems);
    out.extend_from_slice(&json);
    out.extend_from_slice(&(json.len() as u32).to_le_bytes());
    out
}

/// An answer, its verdict decoded, the rest kept as bytes until asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewedFile {
    /// The verdict, or why the file cannot be read.
    pub result: Result<Verdict, FileError>,
    bytes: Vec<u8>,
    valid: Range<usize>,
    problems: Range<usize>,
}

fn corrupt(what: &str) -> String {
    format!("the file reviewer's answer is corrupted ({what})")
}

impl ReviewedFile {
    /// Decodes the head of what [`encode_reviewed`] or
    /// [`encode_unreadable`] made. An error means the bytes are not such
    /// an answer (a bug, not a user's mistake).
    pub fn decode(bytes: Vec<u8>) -> Result<ReviewedFile, String> {
        let end = bytes.len().checked_sub(4).ok_or_else(|| corrupt("short"))?;
        let len = u32::from_le_bytes(bytes[end..].try_into().expect("4 bytes")) as usize;
        let start = end.checked_sub(len).ok_or_else(|| corrupt("head"))?;
        let head: Head =
            serde_json::from_slice(&bytes[start..end]).map_err(|e| corrupt(&e.to_string()))?;
        if head.valid.end > start || head.problems.end > start {
            return Err(corrupt("parts"));
        }
        Ok(ReviewedFile {
            result: head.result,
            bytes,
            valid: head.valid,
            problems: head.problems,
        })
    }

    /// The serial numbers that can move, in file order.
    pub fn valid_serials(&self) -> Result<Vec<SerialNumber>, String> {
        decode_serials(&self.bytes[self.valid.clone()]).map_err(|e| corrupt(&e))
    }

    /// Every row with a problem, in file order.
    pub fn problems(&self) -> Result<Vec<Problem>, String> {
        match &self.result {
            Err(_) => Ok(Vec::new()),
            Ok(verdict) if verdict.first_problems.len() == verdict.problems => {
                Ok(verdict.first_problems.clone())
            }
            Ok(_) => serde_json::from_slice(&self.bytes[self.problems.clone()])
                .map_err(|e| corrupt(&e.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{PartnerId, TenantId};
    use crate::transfer_file::{read_csv, review, Directory, Limits, Place};

    /// Every 5CG PC is in the source; one customer.
    struct Account;

    impl Directory for Account {
        fn customer_name(&self, id: &CustomerId) -> Option<String> {
            (id.as_str() == "CUS-0000C0A7").then(|| "Contoso Ltd".to_owned())
        }
        fn in_source(&self, serial: &SerialNumber) -> bool {
            serial.as_str().starts_with("5CG")
        }
        fn locate(&self, _serial: &SerialNumber) -> Option<Place> {
            None
        }
    }

    fn reviewed(text: &str, shown: usize) -> (TransferFile, Review, ReviewedFile) {
        let file = read_csv(text.as_bytes(), Limits::TRANSFER).unwrap();
        let source = TenantId::Holding(PartnerId("PRT-ALPINE".into()));
        let review = review(&file, &source, &Account);
        let answer = ReviewedFile::decode(encode_reviewed(&file, &review, None, shown)).unwrap();
        (file, review, answer)
    }

    #[test]
    fn the_verdict_is_decoded_and_the_rest_kept_until_asked_for() {
        let text = "Serial Number,Customer ID\n5CG0000001,CUS-0000C0A7\nCND0000001,CUS-0000C0A7\n5CG-1,CUS-0000C0A7\n5CG0000002,CUS-0000C0A7\n";
        for shown in [0, 1, 2, 100] {
            let (file, review, answer) = reviewed(text, shown);
            let verdict = answer.result.clone().unwrap();
            assert!(verdict.header);
            assert_eq!((verdict.rows, verdict.valid, verdict.problems), (4, 2, 2));
            assert_eq!(verdict.first_problems.len(), shown.min(2));
            assert!(verdict.can_submit);
            assert_eq!(
                verdict.target,
                Some((CustomerId("CUS-0000C0A7".into()), "Contoso Ltd".into()))
            );
            let serials: Vec<SerialNumber> = review.valid.iter().map(|v| v.serial).collect();
            assert_eq!(answer.valid_serials().unwrap(), serials);
            assert_eq!(
                answer.problems().unwrap(),
                rows_with_problems(&review, &file)
            );
        }
    }

    #[test]
    fn a_file_that_cannot_be_read_says_why() {
        let answer = ReviewedFile::decode(encode_unreadable(&FileError::Empty)).unwrap();
        assert_eq!(answer.result, Err(FileError::Empty));
        assert_eq!(answer.valid_serials().unwrap(), []);
        assert!(ReviewedFile::decode(vec![1, 0, 0]).is_err());
        assert!(ReviewedFile::decode(vec![9, 0, 0, 0]).is_err());
    }
}
