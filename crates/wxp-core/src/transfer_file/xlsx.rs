//! Excel workbooks (.xlsx): the first sheet, read as rows of cells.
//!
//! Behind the `xlsx` feature: only the transfer worker links calamine, so
//! the app's initial download does not carry it.

use super::raw::{check_size, Format, RowSink, TransferFile};
use super::{FileError, Limits};
use calamine::{Data, Reader, Xlsx};
use std::borrow::Cow;
use std::io::Cursor;

/// Reads the first sheet of an Excel workbook as a transfer file. Line
/// numbers are the sheet's row numbers, as Excel shows them.
pub fn read_xlsx(bytes: &[u8], limits: Limits) -> Result<TransferFile, FileError> {
    check_size(bytes, limits)?;
    let workbook_error = |e: &dyn std::fmt::Display| FileError::Workbook {
        reason: e.to_string(),
    };
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| workbook_error(&e))?;
    let sheet = workbook
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| workbook_error(&"it has no sheet"))?;
    let range = workbook
        .worksheet_range(&sheet)
        .map_err(|e| workbook_error(&e))?;
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let mut sink = RowSink::new(limits);
    let mut cells: Vec<Cow<str>> = Vec::new();
    for (i, row) in range.rows().enumerate() {
        cells.clear();
        // Columns left of the used range (an empty column A) are empty cells.
        cells.extend((0..first_column).map(|_| Cow::Borrowed("")));
        cells.extend(row.iter().map(cell_text));
        sink.push(first_row + i as u32 + 1, cells.iter().map(|c| c.as_ref()))?;
    }
    Ok(sink.finish(Format::Xlsx { sheet }))
}

/// A cell as text. Excel stores an all-digit value as a number: it is
/// written back without a decimal part.
fn cell_text(cell: &Data) -> Cow<'_, str> {
    match cell {
        Data::Empty => Cow::Borrowed(""),
        Data::String(s) => Cow::Borrowed(s),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => {
            Cow::Owned(format!("{}", *f as i64))
        }
        other => Cow::Owned(other.to_string()),
    }
}
