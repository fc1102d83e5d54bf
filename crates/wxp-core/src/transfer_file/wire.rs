//! A compact binary form of a read transfer file, for the trip from the
//! worker that reads files back to the page.
//!
//! JSON for 100,000 rows would cost the page more to parse than reading the
//! file did; here each row is 18 bytes (line, Customer ID index, serial),
//! and only the few invalid cells travel as JSON.

use super::raw::{FileRow, Format, SerialCell, TransferFile};
use super::FileError;
use crate::serial::{SerialError, SerialNumber, SERIAL_LEN};
use serde::{Deserialize, Serialize};

const ROW_BYTES: usize = 4 + 4 + SERIAL_LEN;
const NO_CUSTOMER: u32 = u32::MAX;

#[derive(Serialize, Deserialize)]
struct Head {
    result: Result<Meta, FileError>,
}

#[derive(Serialize, Deserialize)]
struct Meta {
    format: Format,
    header: Option<Vec<String>>,
    customer_ids: Vec<String>,
    rows: usize,
    /// The invalid serial cells, in row order.
    invalid: Vec<(Box<str>, SerialError)>,
}

/// Encodes the outcome of reading a file.
pub fn encode(result: &Result<TransferFile, FileError>) -> Vec<u8> {
    let (head, rows) = match result {
        Err(e) => (
            Head {
                result: Err(e.clone()),
            },
            &[][..],
        ),
        Ok(file) => {
            let invalid = file
                .rows
                .iter()
                .filter_map(|r| match &r.serial {
                    SerialCell::Invalid { text, error } => Some((text.clone(), error.clone())),
                    SerialCell::Valid(_) => None,
                })
                .collect();
            let meta = Meta {
                format: file.format.clone(),
                header: file.header.clone(),
                customer_ids: file.customer_ids.clone(),
                rows: file.rows.len(),
                invalid,
            };
            (Head { result: Ok(meta) }, &file.rows[..])
        }
    };
    let json = serde_json::to_vec(&head).expect("the head always serialises");
    let mut out = Vec::with_capacity(4 + json.len() + rows.len() * ROW_BYTES);
    out.extend_from_slice(&(json.len() as u32).to_le_bytes());
    out.extend_from_slice(&json);
    for row in rows {
        out.extend_from_slice(&row.line.to_le_bytes());
        out.extend_from_slice(&row.customer.unwrap_or(NO_CUSTOMER).to_le_bytes());
        match &row.serial {
            SerialCell::Valid(s) => out.extend_from_slice(s.as_str().as_bytes()),
            SerialCell::Invalid { .. } => out.extend_from_slice(&[0; SERIAL_LEN]),
        }
    }
    out
}

/// Decodes what [`encode`] made. The outer error means the bytes are not
/// such an encoding (a bug, not a user's mistake).
pub fn decode(bytes: &[u8]) -> Result<Result<TransferFile, FileError>, String> {
    let corrupt = |what: &str| format!("the file reader's answer is corrupted ({what})");
    let len = u32::from_le_bytes(
        bytes
            .get(..4)
            .ok_or_else(|| corrupt("no length"))?
            .try_into()
            .expect("4 bytes"),
    ) as usize;
    let json = bytes.get(4..4 + len).ok_or_else(|| corrupt("short head"))?;
    let head: Head = serde_json::from_slice(json).map_err(|e| corrupt(&e.to_string()))?;
    let meta = match head.result {
        Err(e) => return Ok(Err(e)),
        Ok(meta) => meta,
    };
    let body = &bytes[4 + len..];
    if body.len() != meta.rows * ROW_BYTES {
        return Err(corrupt("row count"));
    }
    let mut invalid = meta.invalid.into_iter();
    let mut rows = Vec::with_capacity(meta.rows);
    for chunk in body.chunks_exact(ROW_BYTES) {
        let line = u32::from_le_bytes(chunk[0..4].try_into().expect("4 bytes"));
        let customer = u32::from_le_bytes(chunk[4..8].try_into().expect("4 bytes"));
        let serial = &chunk[8..];
        let serial = if serial[0] == 0 {
            let (text, error) = invalid.next().ok_or_else(|| corrupt("invalid cells"))?;
            SerialCell::Invalid { text, error }
        } else {
            let text = std::str::from_utf8(serial).map_err(|_| corrupt("serial"))?;
            SerialCell::Valid(SerialNumber::parse(text).map_err(|_| corrupt("serial"))?)
        };
        rows.push(FileRow {
            line,
            serial,
            customer: (customer != NO_CUSTOMER).then_some(customer),
        });
    }
    Ok(Ok(TransferFile {
        format: meta.format,
        header: meta.header,
        rows,
        customer_ids: meta.customer_ids,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transfer_file::{read_csv, Limits};

    #[test]
    fn round_trips_files_and_errors() {
        let text =
            "Serial Number;Customer ID\n5CG0000001;CUS-0000C0A7\nbad;CUS-0000C0A7\n5CG0000002;\n";
        let file = read_csv(text.as_bytes(), Limits::TRANSFER);
        assert_eq!(decode(&encode(&file)).unwrap(), file);
        let error = read_csv(b"", Limits::TRANSFER);
        assert_eq!(decode(&encode(&error)).unwrap(), error);
        assert!(decode(b"\x01").is_err());
    }
}
