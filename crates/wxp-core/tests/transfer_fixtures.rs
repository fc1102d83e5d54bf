//! The transfer file reader and reviewer over fixture files, one per case,
//! each named for what it shows (`tests/data/transfer/`).

use std::path::Path;
use wxp_core::serial::SerialError;
use wxp_core::transfer_file::{
    read_csv, review, Delimiter, Directory, Encoding, FileError, FileProblem, Format, Limits,
    Place, Review, RowReason, TransferFile,
};
use wxp_core::{CustomerId, PartnerId, SerialNumber, TenantId};

const CONTOSO: &str = "CUS-0000C0A7";
const FABRIKAM: &str = "CUS-0000FAB1";

/// An account whose Unassigned Devices hold the 5CG serials and whose
/// customer Contoso holds the 8CG ones.
struct Account;

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
        serial.as_str().starts_with("8CG").then(|| Place::Customer {
            id: CustomerId(CONTOSO.into()),
            name: "Contoso Ltd".into(),
        })
    }
}

fn read(name: &str) -> Result<TransferFile, FileError> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/transfer")
        .join(name);
    read_csv(&std::fs::read(&path).unwrap(), Limits::TRANSFER)
}

fn reviewed(name: &str) -> Review {
    let file = read(name).unwrap_or_else(|e| panic!("{name}: {e}"));
    review(
        &file,
        &TenantId::Holding(PartnerId("PRT-ALPINE".into())),
        &Account,
    )
}

fn assert_clean(name: &str, rows: usize) -> Review {
    let r = reviewed(name);
    assert_eq!(r.file_problems, vec![], "{name}");
    assert_eq!(r.problems, vec![], "{name}");
    assert_eq!(r.valid.len(), rows, "{name}");
    assert_eq!(
        r.target.as_ref().map(|(_, n)| n.as_str()),
        Some("Contoso Ltd"),
        "{name}"
    );
    r
}

#[test]
fn good_files_in_every_shape_read_the_same() {
    assert_clean("comma_header_crlf.csv", 3);
    assert_clean("no_header_lf.csv", 2);
    assert_clean("semicolon_bom_italian_header.csv", 2);
    assert_clean("utf16le_bom_tab_unicode_text.txt", 2);
    assert_clean("quoted_fields_and_spaces.csv", 2);
    assert_clean("blank_lines_and_trailing_empty_columns.csv", 2);
    assert_clean("lowercase_serials_and_id.csv", 2);
    assert_clean("windows1252_header.csv", 1);
}

#[test]
fn formats_are_detected_and_reported() {
    let format = |name| read(name).unwrap().format;
    assert_eq!(
        format("semicolon_bom_italian_header.csv"),
        Format::Csv {
            encoding: Encoding::Utf8Bom,
            delimiter: Delimiter::Semicolon
        }
    );
    assert_eq!(
        format("utf16le_bom_tab_unicode_text.txt"),
        Format::Csv {
            encoding: Encoding::Utf16Le,
            delimiter: Delimiter::Tab
        }
    );
    assert_eq!(
        format("windows1252_header.csv"),
        Format::Csv {
            encoding: Encoding::Latin1,
            delimiter: Delimiter::Semicolon
        }
    );
    assert_eq!(
        read("semicolon_bom_italian_header.csv").unwrap().header,
        Some(vec!["Numero di serie".to_owned(), "ID cliente".to_owned()])
    );
}

#[test]
fn line_numbers_count_header_and_blank_lines() {
    let file = read("blank_lines_and_trailing_empty_columns.csv").unwrap();
    assert_eq!(file.rows.iter().map(|r| r.line).collect::<Vec<_>>(), [3, 5]);
    let lowercase = read("lowercase_serials_and_id.csv").unwrap();
    assert_eq!(lowercase.rows[0].serial.text(), "5CG0000001");
}

#[test]
fn unreadable_files_get_one_clear_message() {
    assert_eq!(read("empty.csv").unwrap_err(), FileError::Empty);
    assert_eq!(read("only_blank_lines.csv").unwrap_err(), FileError::Empty);
    assert_eq!(read("binary_png.csv").unwrap_err(), FileError::Binary);
    assert_eq!(read("xlsx_named_csv.csv").unwrap_err(), FileError::Binary);
    let third = read("third_column.csv").unwrap_err();
    assert_eq!(
        third,
        FileError::ExtraColumn {
            line: 3,
            column: "C".into(),
            value: "Milan office".into()
        }
    );
    assert!(
        third
            .to_string()
            .starts_with("Line 3 has a value in column C (\"Milan office\")"),
        "{third}"
    );
}

#[test]
fn file_level_problems_block_the_transfer() {
    let problems = |name| reviewed(name).file_problems;
    assert_eq!(problems("header_only.csv"), vec![FileProblem::NoRows]);
    assert_eq!(
        problems("customer_id_missing_everywhere.csv"),
        vec![FileProblem::NoCustomerId]
    );
    assert_eq!(
        problems("unknown_customer_id.csv"),
        vec![FileProblem::UnknownCustomer {
            id: CustomerId("CUS-DEADBEEF".into())
        }]
    );
    assert_eq!(
        problems("malformed_customer_id.csv"),
        vec![FileProblem::MalformedCustomerId {
            text: "Contoso".into()
        }]
    );
    assert_eq!(
        problems("mixed_customer_ids.csv"),
        vec![FileProblem::MixedCustomerIds {
            ids: vec![(CONTOSO.into(), vec![2, 4]), (FABRIKAM.into(), vec![3])]
        }]
    );
    assert!(!reviewed("mixed_customer_ids.csv").can_submit());
}

#[test]
fn every_bad_row_has_its_line_and_reason() {
    let r = reviewed("bad_rows_every_reason.csv");
    let got: Vec<(u32, RowReason)> = r
        .problems
        .iter()
        .map(|p| (p.line, p.reason.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                3,
                RowReason::BadSerial(SerialError::InvalidCharacter { found: '-' })
            ),
            (4, RowReason::Duplicate { first_line: 2 }),
            (5, RowReason::AlreadyInTarget),
            (6, RowReason::NotFound),
            (7, RowReason::MissingCustomerId),
            (8, RowReason::BadSerial(SerialError::Empty)),
            (
                9,
                RowReason::BadSerial(SerialError::WrongLength { found: 11 })
            ),
        ]
    );
    assert_eq!(r.valid.iter().map(|v| v.line).collect::<Vec<_>>(), [2]);
    assert!(r.can_submit());
    let csv =
        wxp_core::transfer_file::problems_csv(&r, &read("bad_rows_every_reason.csv").unwrap());
    assert!(csv.starts_with("Serial Number,Customer ID,Problem\n5CG-000002,CUS-0000C0A7,\"Line 3: Not a serial number"), "{csv}");
}

#[test]
fn the_rows_with_problems_file_reads_again_once_fixed_its_problem_column_ignored() {
    let r = reviewed("bad_rows_every_reason.csv");
    let downloaded =
        wxp_core::transfer_file::problems_csv(&r, &read("bad_rows_every_reason.csv").unwrap());
    let again = read_csv(downloaded.as_bytes(), Limits::TRANSFER).unwrap();
    assert_eq!(
        again.header.as_deref(),
        Some(&["Serial Number".to_owned(), "Customer ID".to_owned()][..])
    );
    assert_eq!(again.rows.len(), r.problems.len());
    // Anywhere else, a value in column C is still refused.
    let moved = downloaded.replacen("Problem", "Notes", 1);
    assert!(matches!(
        read_csv(moved.as_bytes(), Limits::TRANSFER),
        Err(FileError::ExtraColumn { line: 1, .. })
    ));
}

#[cfg(feature = "xlsx")]
mod xlsx {
    use super::*;
    use wxp_core::transfer_file::read;

    fn read_workbook(name: &str) -> Result<TransferFile, FileError> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/transfer")
            .join(name);
        read(&std::fs::read(&path).unwrap(), Limits::TRANSFER)
    }

    #[test]
    fn reads_the_first_sheet_with_excel_row_numbers() {
        let file = read_workbook("workbook_first_sheet.xlsx").unwrap();
        assert_eq!(
            file.format,
            Format::Xlsx {
                sheet: "Transfer".into()
            }
        );
        assert_eq!(
            file.rows
                .iter()
                .map(|r| (r.line, r.serial.text()))
                .collect::<Vec<_>>(),
            [(2, "5CG0000001"), (3, "5CG0000002"), (5, "5CG0000003")]
        );
        let r = review(
            &file,
            &TenantId::Holding(PartnerId("PRT-ALPINE".into())),
            &Account,
        );
        assert!(r.file_problems.is_empty() && r.problems.is_empty(), "{r:?}");
    }

    #[test]
    fn numbers_and_offsets_read_as_written() {
        let file = read_workbook("workbook_starts_at_row_3_with_numeric_serial.xlsx").unwrap();
        assert_eq!(
            file.rows
                .iter()
                .map(|r| (r.line, r.serial.text()))
                .collect::<Vec<_>>(),
            [(4, "5CG0000001"), (5, "5000000001")]
        );
    }

    #[test]
    fn a_third_column_in_a_workbook_is_refused() {
        assert_eq!(
            read_workbook("workbook_third_column.xlsx").unwrap_err(),
            FileError::ExtraColumn {
                line: 2,
                column: "C".into(),
                value: "extra".into()
            }
        );
    }

    #[test]
    fn a_broken_workbook_says_so() {
        let err = read(b"PK\x03\x04not really a zip", Limits::TRANSFER).unwrap_err();
        assert!(matches!(err, FileError::Workbook { .. }), "{err:?}");
    }
}
