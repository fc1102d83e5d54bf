//! Stage two: a transfer file checked against the user's account, with
//! every check the backend would make, made first.

use super::raw::{SerialCell, TransferFile};
use crate::fast_hash::FastMap;
use crate::format::thousands;
use crate::ids::{CustomerId, TenantId};
use crate::serial::{SerialError, SerialNumber};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Where a PC the user can see is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Place {
    /// In the partner's Unassigned Devices.
    Unassigned,
    /// In a customer's dashboard.
    Customer {
        /// The customer.
        id: CustomerId,
        /// Its name.
        name: String,
    },
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Unassigned => f.write_str(crate::rules::transfer::UNASSIGNED_DEVICES),
            Place::Customer { name, .. } => write!(f, "{name}'s Devices > PCs"),
        }
    }
}

/// What the review needs to know about the user's account.
pub trait Directory {
    /// The name of one of the partner's customers, or `None` if the ID is
    /// not one of them.
    fn customer_name(&self, id: &CustomerId) -> Option<String>;
    /// Whether the PC is in the tenant the transfer starts from.
    fn in_source(&self, serial: &SerialNumber) -> bool;
    /// Where else the user can see the PC, if anywhere.
    fn locate(&self, serial: &SerialNumber) -> Option<Place>;
}

/// A problem with the whole file: nothing can be submitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileProblem {
    /// The file has no data rows.
    NoRows,
    /// No row has a Customer ID in column B.
    NoCustomerId,
    /// The rows name more than one customer.
    MixedCustomerIds {
        /// Each Customer ID as written, with the lines that have it.
        ids: Vec<(String, Vec<u32>)>,
    },
    /// Column B is not a Customer ID.
    MalformedCustomerId {
        /// The text.
        text: String,
    },
    /// The Customer ID is not one of this partner's customers.
    UnknownCustomer {
        /// The ID.
        id: CustomerId,
    },
    /// The file moves PCs to the tenant the user is on: the seed's pitfall
    /// of starting from the target's page.
    TransferToSelf {
        /// The customer's name.
        name: String,
    },
}

fn lines_list(lines: &[u32]) -> String {
    const SHOWN: usize = 5;
    let listed: Vec<String> = lines.iter().take(SHOWN).map(u32::to_string).collect();
    match lines.len() {
        1 => format!("line {}", listed[0]),
        n if n <= SHOWN => format!("lines {}", listed.join(", ")),
        n => format!(
            "lines {} and {} more",
            listed.join(", "),
            thousands(n - SHOWN)
        ),
    }
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileProblem::NoRows => write!(f, "The file has no rows of serial numbers."),
            FileProblem::NoCustomerId => write!(
                f,
                "No row has a Customer ID in column B. Copy it from the target customer's Account > Overview."
            ),
            FileProblem::MixedCustomerIds { ids } => {
                let parts: Vec<String> = ids
                    .iter()
                    .map(|(id, lines)| format!("{id} on {}", lines_list(lines)))
                    .collect();
                write!(
                    f,
                    "The file names more than one Customer ID ({}). A transfer moves PCs to one customer: make one file per customer.",
                    parts.join("; ")
                )
            }
            FileProblem::MalformedCustomerId { text } => write!(
                f,
                "{text:?} in column B is not a Customer ID (it looks like CUS-1A2B3C4D). Copy it from the target customer's Account > Overview."
            ),
            FileProblem::UnknownCustomer { id } => {
                write!(f, "{id} is not one of your customers. Check the Customer ID on the target customer's Account > Overview.")
            }
            FileProblem::TransferToSelf { name } => write!(
                f,
                "The file moves PCs to {name}, the customer whose page you are on. Start the transfer from the page where the PCs are now: Unassigned Devices, or the Devices > PCs of the customer that has them."
            ),
        }
    }
}

/// Why one row cannot be transferred.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowReason {
    /// Column A is not a serial number.
    BadSerial(SerialError),
    /// Column B is empty while the other rows have the Customer ID.
    MissingCustomerId,
    /// The serial number is on an earlier line too.
    Duplicate {
        /// That line.
        first_line: u32,
    },
    /// The PC is not on the page the transfer starts from, but the user can
    /// see it elsewhere.
    Elsewhere(Place),
    /// The PC is already in the target customer's dashboard.
    AlreadyInTarget,
    /// The PC is nowhere the user can see ("Device not found").
    NotFound,
}

impl fmt::Display for RowReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RowReason::BadSerial(SerialError::Empty) => write!(f, "The serial number in column A is empty."),
            RowReason::BadSerial(e) => write!(f, "Not a serial number: {e}."),
            RowReason::MissingCustomerId => write!(f, "Column B has no Customer ID."),
            RowReason::Duplicate { first_line } => {
                write!(f, "The same serial number is on line {first_line}.")
            }
            RowReason::Elsewhere(place) => write!(
                f,
                "This PC is not on this page: it is in {place}. Start a transfer from there for it."
            ),
            RowReason::AlreadyInTarget => {
                write!(f, "This PC is already in the target customer's dashboard.")
            }
            RowReason::NotFound => write!(
                f,
                "Device not found: this PC is not in your account. If it was resold to you, create a support case with its serial number."
            ),
        }
    }
}

/// A row that can be transferred.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValidRow {
    /// Its line in the file.
    pub line: u32,
    /// The PC.
    pub serial: SerialNumber,
}

/// A row that cannot be transferred, with the cells as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// Its line in the file.
    pub line: u32,
    /// Column A as written.
    pub serial: String,
    /// Column B as written.
    pub customer: String,
    /// Why.
    pub reason: RowReason,
}

/// The result of checking a transfer file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    /// The target customer, when the file names exactly one valid one.
    pub target: Option<(CustomerId, String)>,
    /// Problems with the whole file; any one blocks the transfer.
    pub file_problems: Vec<FileProblem>,
    /// The rows that can move.
    pub valid: Vec<ValidRow>,
    /// The rows that cannot, in file order.
    pub problems: Vec<RowProblem>,
}

impl Review {
    /// Whether anything can be submitted (possibly leaving rows out).
    pub fn can_submit(&self) -> bool {
        self.file_problems.is_empty() && self.target.is_some() && !self.valid.is_empty()
    }
}

/// Checks `file` for a transfer from `source`.
pub fn review(file: &TransferFile, source: &TenantId, directory: &impl Directory) -> Review {
    let mut file_problems = Vec::new();
    if file.rows.is_empty() {
        file_problems.push(FileProblem::NoRows);
    }
    let target = target_of(file, source, directory, &mut file_problems);
    let target_id = target.as_ref().map(|(id, _)| id);

    let mut valid = Vec::with_capacity(file.rows.len());
    let mut problems = Vec::new();
    let mut first_line: FastMap<SerialNumber, u32> =
        FastMap::with_capacity_and_hasher(file.rows.len(), Default::default());
    for row in &file.rows {
        let reason = match &row.serial {
            SerialCell::Invalid { error, .. } => Some(RowReason::BadSerial(error.clone())),
            SerialCell::Valid(serial) => {
                if let Some(&first) = first_line.get(serial) {
                    Some(RowReason::Duplicate { first_line: first })
                } else {
                    first_line.insert(*serial, row.line);
                    if row.customer.is_none() {
                        Some(RowReason::MissingCustomerId)
                    } else if directory.in_source(serial) {
                        None
                    } else {
                        Some(match directory.locate(serial) {
                            Some(Place::Customer { id, .. }) if Some(&id) == target_id => {
                                RowReason::AlreadyInTarget
                            }
                            Some(place) => RowReason::Elsewhere(place),
                            None => RowReason::NotFound,
                        })
                    }
                }
            }
        };
        match reason {
            None => valid.push(ValidRow {
                line: row.line,
                serial: match row.serial {
                    SerialCell::Valid(s) => s,
                    SerialCell::Invalid { .. } => unreachable!("only valid serials pass"),
                },
            }),
            Some(reason) => problems.push(RowProblem {
                line: row.line,
                serial: row.serial.text().to_owned(),
                customer: file.customer_text(row).to_owned(),
                reason,
            }),
        }
    }
    Review {
        target,
        file_problems,
        valid,
        problems,
    }
}

/// The one customer the file names, or the file problems that say why not.
fn target_of(
    file: &TransferFile,
    source: &TenantId,
    directory: &impl Directory,
    problems: &mut Vec<FileProblem>,
) -> Option<(CustomerId, String)> {
    // Group rows by the ID they name; IDs that differ only in case or
    // spaces are the same ID.
    let mut groups: Vec<(String, Result<CustomerId, ()>, Vec<u32>)> = Vec::new();
    let parsed: Vec<Result<CustomerId, ()>> = file
        .customer_ids
        .iter()
        .map(|t| CustomerId::parse(t).map_err(|_| ()))
        .collect();
    for row in &file.rows {
        let Some(i) = row.customer else { continue };
        let (text, id) = (&file.customer_ids[i as usize], &parsed[i as usize]);
        let same =
            |(t, known, _): &&mut (String, Result<CustomerId, ()>, Vec<u32>)| match (known, id) {
                (Ok(a), Ok(b)) => a == b,
                _ => t == text,
            };
        match groups.iter_mut().find(|g| same(g)) {
            Some(group) => group.2.push(row.line),
            None => groups.push((text.clone(), id.clone(), vec![row.line])),
        }
    }
    match groups.len() {
        0 => {
            if !file.rows.is_empty() {
                problems.push(FileProblem::NoCustomerId);
            }
            None
        }
        1 => {
            let (text, id, _) = groups.pop().expect("one group");
            let Ok(id) = id else {
                problems.push(FileProblem::MalformedCustomerId { text });
                return None;
            };
            let Some(name) = directory.customer_name(&id) else {
                problems.push(FileProblem::UnknownCustomer { id });
                return None;
            };
            if *source == TenantId::Customer(id.clone()) {
                problems.push(FileProblem::TransferToSelf { name });
                return None;
            }
            Some((id, name))
        }
        _ => {
            problems.push(FileProblem::MixedCustomerIds {
                ids: groups
                    .into_iter()
                    .map(|(text, _, lines)| (text, lines))
                    .collect(),
            });
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::PartnerId;
    use crate::transfer_file::{read_csv, Limits};

    struct Account;
    const CONTOSO: &str = "CUS-0000C0A7";
    const FABRIKAM: &str = "CUS-0000FAB1";

    impl Directory for Account {
        fn customer_name(&self, id: &CustomerId) -> Option<String> {
            match id.as_str() {
                CONTOSO => Some("Contoso Ltd".into()),
                FABRIKAM => Some("Fabrikam Inc".into()),
                _ => None,
            }
        }
        fn in_source(&self, serial: &SerialNumber) -> bool {
            serial.as_str().starts_with("5CG")
        }
        fn locate(&self, serial: &SerialNumber) -> Option<Place> {
            match &serial.as_str()[..3] {
                "8CG" => Some(Place::Customer {
                    id: CustomerId(CONTOSO.into()),
                    name: "Contoso Ltd".into(),
                }),
                "CND" => Some(Place::Customer {
                    id: CustomerId(FABRIKAM.into()),
                    name: "Fabrikam Inc".into(),
                }),
                _ => None,
            }
        }
    }

    fn holding() -> TenantId {
        TenantId::Holding(PartnerId("PRT-ALPINE".into()))
    }

    fn check(text: &str, source: &TenantId) -> Review {
        review(
            &read_csv(text.as_bytes(), Limits::TRANSFER).unwrap(),
            source,
            &Account,
        )
    }

    #[test]
    fn a_good_file_names_its_target_and_rows() {
        let r = check(
            &format!(
                "Serial Number,Customer ID\n5CG0000001,{CONTOSO}\n5cg0000002,{}\n",
                CONTOSO.to_lowercase()
            ),
            &holding(),
        );
        assert_eq!(
            r.target,
            Some((CustomerId(CONTOSO.into()), "Contoso Ltd".into()))
        );
        assert!(r.file_problems.is_empty() && r.problems.is_empty());
        assert_eq!(r.valid.len(), 2);
        assert!(r.can_submit());
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line_and_reason() {
        let r = check(
            &format!("5CG0000001,{CONTOSO}\n5CG-01,{CONTOSO}\n5CG0000001,{CONTOSO}\n8CG0000009,{CONTOSO}\nCND0000009,{CONTOSO}\n2UA0000009,{CONTOSO}\n5CG0000003,\n"),
            &holding(),
        );
        let reasons: Vec<(u32, RowReason)> = r
            .problems
            .iter()
            .map(|p| (p.line, p.reason.clone()))
            .collect();
        assert_eq!(
            reasons,
            vec![
                (
                    2,
                    RowReason::BadSerial(SerialError::InvalidCharacter { found: '-' })
                ),
                (3, RowReason::Duplicate { first_line: 1 }),
                (4, RowReason::AlreadyInTarget),
                (
                    5,
                    RowReason::Elsewhere(Place::Customer {
                        id: CustomerId(FABRIKAM.into()),
                        name: "Fabrikam Inc".into()
                    })
                ),
                (6, RowReason::NotFound),
                (7, RowReason::MissingCustomerId),
            ]
        );
        assert_eq!(r.valid.len(), 1);
        assert!(r.can_submit(), "the valid rows can go, the others left out");
        assert_eq!(r.problems[0].serial, "5CG-01");
    }

    #[test]
    fn mixed_ids_list_their_lines() {
        let r = check(
            &format!("5CG0000001,{CONTOSO}\n5CG0000002,{FABRIKAM}\n5CG0000003,{CONTOSO}\n"),
            &holding(),
        );
        assert_eq!(
            r.file_problems,
            vec![FileProblem::MixedCustomerIds {
                ids: vec![(CONTOSO.into(), vec![1, 3]), (FABRIKAM.into(), vec![2])]
            }]
        );
        assert!(!r.can_submit());
        assert!(r.file_problems[0]
            .to_string()
            .contains("CUS-0000C0A7 on lines 1, 3; CUS-0000FAB1 on line 2"));
    }

    #[test]
    fn file_level_problems_block_submission() {
        let unknown = check("5CG0000001,CUS-DEADBEEF\n", &holding());
        assert_eq!(
            unknown.file_problems,
            vec![FileProblem::UnknownCustomer {
                id: CustomerId("CUS-DEADBEEF".into())
            }]
        );
        let malformed = check("5CG0000001,Contoso\n", &holding());
        assert_eq!(
            malformed.file_problems,
            vec![FileProblem::MalformedCustomerId {
                text: "Contoso".into()
            }]
        );
        let none = check("Serial Number,Customer ID\n", &holding());
        assert_eq!(none.file_problems, vec![FileProblem::NoRows]);
        let no_id = check("5CG0000001\n5CG0000002\n", &holding());
        assert_eq!(no_id.file_problems, vec![FileProblem::NoCustomerId]);
    }

    #[test]
    fn starting_from_the_targets_page_is_the_seed_pitfall() {
        let r = check(
            &format!("5CG0000001,{CONTOSO}\n"),
            &TenantId::Customer(CustomerId(CONTOSO.into())),
        );
        assert_eq!(
            r.file_problems,
            vec![FileProblem::TransferToSelf {
                name: "Contoso Ltd".into()
            }]
        );
        assert!(r.file_problems[0]
            .to_string()
            .contains("Start the transfer from the page where the PCs are now"));
    }
}
