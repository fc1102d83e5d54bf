//! The rows of a reviewed transfer file that cannot move, as the dialog
//! lists them and "Download rows with problems" writes them: every row with
//! a problem of its own, and every row that names another Customer ID than
//! the rest of the file (the review reports that once, for the file).

use super::{FileProblem, Review, RowReason, TransferFile};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Why a row cannot move.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reason {
    /// A problem of the row itself.
    Row(RowReason),
    /// The row names another Customer ID than most of the file (`expected`,
    /// as written there).
    OtherCustomerId {
        /// The Customer ID of the rest of the file.
        expected: String,
    },
}

/// A row that cannot move, with its cells as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// Its line in the file.
    pub line: u32,
    /// Column A.
    pub serial: String,
    /// Column B.
    pub customer: String,
    /// Why.
    pub reason: Reason,
}

/// Every row of `file` with a problem, in file order, each once (a row
/// with a problem of its own is listed with it).
pub fn rows_with_problems(review: &Review, file: &TransferFile) -> Vec<Problem> {
    let mut problems: Vec<Problem> = review
        .problems
        .iter()
        .map(|p| Problem {
            line: p.line,
            serial: p.serial.clone(),
            customer: p.customer.clone(),
            reason: Reason::Row(p.reason.clone()),
        })
        .collect();
    let mixed = review.file_problems.iter().find_map(|p| match p {
        FileProblem::MixedCustomerIds { ids } => Some(ids),
        _ => None,
    });
    if let Some(ids) = mixed {
        // The Customer ID most rows name (the first of equals) is the one
        // the file is for; the rows naming the others are the problem.
        let main = ids
            .iter()
            .enumerate()
            .max_by_key(|(i, (_, lines))| (lines.len(), std::cmp::Reverse(*i)))
            .map(|(i, _)| i);
        let others: HashSet<u32> = ids
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != main)
            .flat_map(|(_, (_, lines))| lines.iter().copied())
            .collect();
        let expected = main.map(|i| ids[i].0.clone()).unwrap_or_default();
        let listed: HashSet<u32> = problems.iter().map(|p| p.line).collect();
        problems.extend(
            file.rows
                .iter()
                .filter(|row| others.contains(&row.line) && !listed.contains(&row.line))
                .map(|row| Problem {
                    line: row.line,
                    serial: row.serial.text().to_owned(),
                    customer: file.customer_text(row).to_owned(),
                    reason: Reason::OtherCustomerId {
                        expected: expected.clone(),
                    },
                }),
        );
        problems.sort_by_key(|p| p.line);
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transfer_file::{read_csv, review, Directory, Limits, Place};
    use crate::{CustomerId, PartnerId, SerialNumber, TenantId};

    /// Every PC is in the source; two customers.
    struct Account;

    impl Directory for Account {
        fn customer_name(&self, id: &CustomerId) -> Option<String> {
            ["CUS-0000C0A7", "CUS-0000FAB1"]
                .contains(&id.as_str())
                .then(|| id.to_string())
        }
        fn in_source(&self, _serial: &SerialNumber) -> bool {
            true
        }
        fn locate(&self, _serial: &SerialNumber) -> Option<Place> {
            None
        }
    }

    fn problems_of(text: &str) -> Vec<(u32, String, Reason)> {
        let file = read_csv(text.as_bytes(), Limits::TRANSFER).unwrap();
        let source = TenantId::Holding(PartnerId("PRT-ALPINE".into()));
        let review = review(&file, &source, &Account);
        rows_with_problems(&review, &file)
            .into_iter()
            .map(|p| (p.line, p.customer, p.reason))
            .collect()
    }

    #[test]
    fn rows_naming_another_customer_id_are_rows_with_problems() {
        let mut lines = vec!["Serial Number,Customer ID".to_owned()];
        for i in 0..9 {
            lines.push(format!("5CG000000{i},CUS-0000C0A7"));
        }
        lines.push("5CG0000009,CUS-0000FAB1".into());
        lines.push("5CG-BAD,CUS-0000FAB1".into());
        lines.push("5CG0000001,CUS-0000C0A7".into());
        let other = |line| {
            (
                line,
                "CUS-0000FAB1".to_owned(),
                Reason::OtherCustomerId {
                    expected: "CUS-0000C0A7".into(),
                },
            )
        };
        let found = problems_of(&lines.join("\n"));
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(found[0], other(11));
        // Line 12 has a problem of its own too: listed once, with it.
        assert_eq!((found[1].0, found[2].0), (12, 13));
        assert!(matches!(found[1].2, Reason::Row(RowReason::BadSerial(_))));
        assert!(matches!(
            found[2].2,
            Reason::Row(RowReason::Duplicate { first_line: 3 })
        ));
    }

    #[test]
    fn a_file_for_one_customer_lists_its_row_problems_only() {
        let found = problems_of("5CG0000001,CUS-0000C0A7\n5CG0000001,CUS-0000C0A7\n");
        assert_eq!(
            found,
            [(
                2,
                "CUS-0000C0A7".to_owned(),
                Reason::Row(RowReason::Duplicate { first_line: 1 })
            )]
        );
    }
}
