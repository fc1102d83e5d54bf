//! The e2Open resale report: PCs reported as resold, which HP's system moves
//! into the owning partner's holding tenant (Unassigned Devices).
//!
//! The operator feeds it as CSV with the columns `Serial Number, Model,
//! Product Number, Support Plan, Partner`. Reading happens in two stages, as
//! for transfer files: [`read`] takes the text apart into rows with their
//! line numbers, then each row is checked into an [`IngestRow`]. Every bad
//! row is reported with its line; the good ones are still taken.

use crate::ids::PartnerId;
use crate::model::SupportPlan;
use crate::serial::{SerialError, SerialNumber};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The header the report starts with.
pub const HEADER: [&str; 5] = [
    "Serial Number",
    "Model",
    "Product Number",
    "Support Plan",
    "Partner",
];

/// A checked row: one resold PC.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IngestRow {
    /// Its line in the file, from 1 (the header is line 1).
    pub line: u64,
    /// The PC.
    pub serial: SerialNumber,
    /// Its model's name.
    pub model: String,
    /// HP's product number.
    pub product_number: String,
    /// Premium or Premium+.
    pub plan: SupportPlan,
    /// The partner that owns it.
    pub partner: PartnerId,
}

/// Why a row was not taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum IngestError {
    /// The row does not have the five columns.
    Columns {
        /// How many it has.
        found: usize,
    },
    /// Column A is not a serial number.
    Serial(SerialError),
    /// A required cell is empty.
    Empty {
        /// The column's name.
        column: String,
    },
    /// Column D is neither Premium nor Premium+.
    Plan(String),
    /// The partner does not exist, or has no holding tenant yet.
    UnknownPartner(String),
    /// The serial number is also on an earlier line of this file.
    Duplicate {
        /// That line.
        first_line: u64,
    },
    /// The CSV itself is broken there (quotes, encoding).
    Unreadable(String),
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IngestError::Columns { found } => write!(
                f,
                "the row has {found} columns, not 5 ({})",
                HEADER.join(", ")
            ),
            IngestError::Serial(e) => write!(f, "not a serial number: {e}"),
            IngestError::Empty { column } => write!(f, "{column} is empty"),
            IngestError::Plan(p) => write!(f, "{p:?} is not a support plan (Premium or Premium+)"),
            IngestError::UnknownPartner(p) => {
                write!(f, "there is no partner {p:?} with a holding tenant")
            }
            IngestError::Duplicate { first_line } => {
                write!(f, "the serial number is also on line {first_line}")
            }
            IngestError::Unreadable(e) => write!(f, "the line cannot be read: {e}"),
        }
    }
}

/// A row that was not taken, with its line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IngestProblem {
    /// The line, from 1.
    pub line: u64,
    /// Why.
    pub error: IngestError,
}

impl fmt::Display for IngestProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.error)
    }
}

/// What reading a report found: the rows to take and the problems.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IngestReading {
    /// Good rows, in file order.
    pub rows: Vec<IngestRow>,
    /// Bad rows, in file order.
    pub problems: Vec<IngestProblem>,
}

/// Reads a report. `partner_known` says whether a partner id names a partner
/// with a holding tenant. A first line that is the header is skipped.
pub fn read(text: &str, partner_known: impl Fn(&PartnerId) -> bool) -> IngestReading {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut reading = IngestReading::default();
    let mut first_lines = std::collections::HashMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                reading.problems.push(IngestProblem {
                    line,
                    error: IngestError::Unreadable(e.to_string()),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(str::is_empty) {
            continue;
        }
        let is_header = record
            .get(0)
            .is_some_and(|c| c.eq_ignore_ascii_case(HEADER[0]));
        if line == 1 && is_header {
            continue;
        }
        match check(&record, line, &partner_known) {
            Ok(row) => match first_lines.insert(row.serial, line) {
                Some(first_line) => {
                    first_lines.insert(row.serial, first_line);
                    reading.problems.push(IngestProblem {
                        line,
                        error: IngestError::Duplicate { first_line },
                    });
                }
                None => reading.rows.push(row),
            },
            Err(error) => reading.problems.push(IngestProblem { line, error }),
        }
    }
    reading
}

fn check(
    record: &csv::StringRecord,
    line: u64,
    partner_known: &impl Fn(&PartnerId) -> bool,
) -> Result<IngestRow, IngestError> {
    if record.len() != HEADER.len() {
        return Err(IngestError::Columns {
            found: record.len(),
        });
    }
    let cell = |i: usize| -> Result<String, IngestError> {
        let text = record.get(i).unwrap_or_default();
        if text.is_empty() {
            Err(IngestError::Empty {
                column: HEADER[i].to_owned(),
            })
        } else {
            Ok(text.to_owned())
        }
    };
    let serial =
        SerialNumber::parse(record.get(0).unwrap_or_default()).map_err(IngestError::Serial)?;
    let model = cell(1)?;
    let product_number = cell(2)?;
    let plan_text = cell(3)?;
    let plan = SupportPlan::ALL
        .into_iter()
        .find(|p| p.label().eq_ignore_ascii_case(&plan_text))
        .ok_or(IngestError::Plan(plan_text))?;
    let partner = PartnerId(cell(4)?);
    if !partner_known(&partner) {
        return Err(IngestError::UnknownPartner(partner.0));
    }
    Ok(IngestRow {
        line,
        serial,
        model,
        product_number,
        plan,
        partner,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alpine(p: &PartnerId) -> bool {
        p.0 == "PRT-ALPINE"
    }

    #[test]
    fn good_rows_are_taken_and_every_bad_one_is_reported_with_its_line() {
        let text = "Serial Number,Model,Product Number,Support Plan,Partner\n\
                    5CG1234ABC,HP EliteBook 840 G10,818N0EA,Premium+,PRT-ALPINE\n\
                    bad,HP EliteBook 840 G10,818N0EA,Premium,PRT-ALPINE\n\
                    5CG1234ABD,HP EliteBook 840 G10,818N0EA,Gold,PRT-ALPINE\n\
                    5CG1234ABE,HP EliteBook 840 G10,818N0EA,Premium,PRT-NOBODY\n\
                    5CG1234ABF,HP ProBook,,Premium,PRT-ALPINE\n\
                    5cg1234abc,HP EliteBook 840 G10,818N0EA,Premium,PRT-ALPINE\n\
                    5CG1234ABG,too,few\n\
                    5CG1234ABH,HP ProBook 450 G10,725P9EA,premium,PRT-ALPINE\n";
        let reading = read(text, alpine);
        let lines: Vec<u64> = reading.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![2, 9]);
        assert_eq!(reading.rows[0].plan, SupportPlan::PremiumPlus);
        assert_eq!(reading.rows[1].plan, SupportPlan::Premium);
        let problems: Vec<String> = reading.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(problems.len(), 6, "{problems:#?}");
        assert!(problems[0].starts_with("line 3: not a serial number"));
        assert!(problems[1].contains("\"Gold\" is not a support plan"));
        assert!(problems[2].contains("no partner \"PRT-NOBODY\""));
        assert_eq!(problems[3], "line 6: Product Number is empty");
        assert_eq!(problems[4], "line 7: the serial number is also on line 2");
        assert!(problems[5].starts_with("line 8: the row has 3 columns"));
    }

    #[test]
    fn a_file_without_header_or_with_a_bom_reads_the_same() {
        let row = "5CG1234ABC,HP EliteBook 840 G10,818N0EA,Premium,PRT-ALPINE\n";
        assert_eq!(read(row, alpine).rows.len(), 1);
        let with_bom = format!("\u{feff}{}\n{row}", HEADER.join(","));
        let reading = read(&with_bom, alpine);
        assert_eq!((reading.rows.len(), reading.problems.len()), (1, 0));
        assert_eq!(reading.rows[0].line, 2);
    }
}
