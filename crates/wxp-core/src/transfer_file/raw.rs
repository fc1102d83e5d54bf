//! Stage one: the rows of a transfer file as the user wrote them.

use super::decode::{decode, Encoding};
use super::error::column_letter;
use super::sample::PROBLEM_COLUMN;
use super::{FileError, Limits};
use crate::serial::{SerialError, SerialNumber};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// The delimiter of a CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Delimiter {
    /// `,`
    Comma,
    /// `;` (Excel in Italian and other European locales)
    Semicolon,
    /// a tab (Excel's "Unicode text")
    Tab,
}

impl Delimiter {
    const ALL: [Delimiter; 3] = [Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab];

    fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
        }
    }
}

/// How the file was read, shown to the user so a surprise is visible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Format {
    /// A text file.
    Csv {
        /// The encoding detected.
        encoding: Encoding,
        /// The delimiter detected.
        delimiter: Delimiter,
    },
    /// An Excel workbook.
    Xlsx {
        /// The sheet read (the first).
        sheet: String,
    },
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Format::Csv {
                encoding,
                delimiter,
            } => {
                let d = match delimiter {
                    Delimiter::Comma => "comma",
                    Delimiter::Semicolon => "semicolon",
                    Delimiter::Tab => "tab",
                };
                write!(f, "CSV, {encoding}, {d}-separated")
            }
            Format::Xlsx { sheet } => write!(f, "Excel workbook, sheet {sheet:?}"),
        }
    }
}

/// Column A of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SerialCell {
    /// A well-formed serial number (normalised to upper case).
    Valid(SerialNumber),
    /// Anything else, as written.
    Invalid {
        /// The cell, trimmed.
        text: Box<str>,
        /// What is wrong with it.
        error: SerialError,
    },
}

impl SerialCell {
    fn new(text: &str) -> SerialCell {
        match SerialNumber::parse(text) {
            Ok(serial) => SerialCell::Valid(serial),
            Err(error) => SerialCell::Invalid {
                text: text.trim().into(),
                error,
            },
        }
    }

    /// The cell as the user wrote it (a valid serial in upper case).
    pub fn text(&self) -> &str {
        match self {
            SerialCell::Valid(s) => s.as_str(),
            SerialCell::Invalid { text, .. } => text,
        }
    }
}

/// A data row: its line in the file, column A, and column B as an index
/// into [`TransferFile::customer_ids`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRow {
    /// The line number, from 1, as a text editor or Excel shows it.
    pub line: u32,
    /// Column A.
    pub serial: SerialCell,
    /// Column B: an index into [`TransferFile::customer_ids`], or `None`
    /// when the cell is empty.
    pub customer: Option<u32>,
}

/// A transfer file, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransferFile {
    /// How it was read.
    pub format: Format,
    /// The header row's cells, if the file has one.
    pub header: Option<Vec<String>>,
    /// The data rows, in file order (blank lines left out).
    pub rows: Vec<FileRow>,
    /// The distinct column-B texts, trimmed, in order of first appearance.
    pub customer_ids: Vec<String>,
}

impl TransferFile {
    /// Column B of a row, as written ("" when empty).
    pub fn customer_text(&self, row: &FileRow) -> &str {
        row.customer.map_or("", |i| &self.customer_ids[i as usize])
    }
}

/// Collects rows from any source of cells: CSV records or worksheet rows.
pub(crate) struct RowSink {
    limits: Limits,
    seen_first: bool,
    /// The header names column C "Problem": the file is the portal's own
    /// list of rows with problems, and C is its note on each row.
    problem_column: bool,
    header: Option<Vec<String>>,
    rows: Vec<FileRow>,
    customer_ids: Vec<String>,
}

impl RowSink {
    pub(crate) fn new(limits: Limits) -> RowSink {
        RowSink {
            limits,
            seen_first: false,
            problem_column: false,
            header: None,
            rows: Vec::new(),
            customer_ids: Vec::new(),
        }
    }

    /// Takes one row of cells at `line`.
    pub(crate) fn push<'c>(
        &mut self,
        line: u32,
        cells: impl IntoIterator<Item = &'c str>,
    ) -> Result<(), FileError> {
        let mut cells = cells.into_iter();
        let a = unquote(cells.next().unwrap_or(""));
        let b = unquote(cells.next().unwrap_or(""));
        let (a, b) = (a.as_ref(), b.as_ref());
        // Trailing empty columns are harmless; a value beyond B is not,
        // except in the Problem column of the portal's own "rows with
        // problems" file, fixed and uploaded again.
        let problem_column = self.problem_column;
        let is_note = |column: usize| problem_column && column == 2;
        let mut extra = cells
            .enumerate()
            .map(|(i, cell)| (i + 2, cell))
            .filter(|(i, cell)| !is_note(*i) && !cell.trim().is_empty());
        let first_extra = extra.next();
        if !self.seen_first && looks_like_header(a, b) {
            if let Some((2, c)) = first_extra {
                if unquote(c).trim().eq_ignore_ascii_case(PROBLEM_COLUMN) && extra.next().is_none()
                {
                    self.seen_first = true;
                    self.problem_column = true;
                    self.header = Some(vec![a.to_owned(), b.to_owned()]);
                    return Ok(());
                }
            }
        }
        if let Some((i, value)) = first_extra {
            return Err(FileError::ExtraColumn {
                line,
                column: column_letter(i),
                value: value.trim().to_owned(),
            });
        }
        if a.is_empty() && b.is_empty() {
            return Ok(()); // a blank line
        }
        if !self.seen_first {
            self.seen_first = true;
            if looks_like_header(a, b) {
                self.header = Some(vec![a.to_owned(), b.to_owned()]);
                return Ok(());
            }
        }
        if self.rows.len() == self.limits.max_rows {
            return Err(FileError::TooManyRows {
                line,
                limit: self.limits.max_rows,
            });
        }
        let customer = (!b.is_empty()).then(|| self.intern(b));
        self.rows.push(FileRow {
            line,
            serial: SerialCell::new(a),
            customer,
        });
        Ok(())
    }

    fn intern(&mut self, id: &str) -> u32 {
        // Almost every file has one ID: the last one is the likeliest match.
        if let Some(i) = self.customer_ids.iter().rposition(|known| known == id) {
            return i as u32;
        }
        self.customer_ids.push(id.to_owned());
        (self.customer_ids.len() - 1) as u32
    }

    pub(crate) fn finish(self, format: Format) -> TransferFile {
        TransferFile {
            format,
            header: self.header,
            rows: self.rows,
            customer_ids: self.customer_ids,
        }
    }
}

/// A cell trimmed of spaces and, if a space before the opening quote kept
/// the CSV reader from seeing it (`a, "b"`), of its quotes.
fn unquote(cell: &str) -> Cow<'_, str> {
    let cell = cell.trim();
    match cell.strip_prefix('"').and_then(|c| c.strip_suffix('"')) {
        Some(inner) if inner.contains("\"\"") => Cow::Owned(inner.trim().replace("\"\"", "\"")),
        Some(inner) => Cow::Borrowed(inner.trim()),
        None => Cow::Borrowed(cell),
    }
}

/// A first row is a header when column A is not a serial number and
/// neither cell has a digit: "Serial Number" / "Customer ID", "Numero di
/// serie" / "ID cliente", or any other names. A mistyped data row has
/// digits, so it is reported as a row instead.
fn looks_like_header(a: &str, b: &str) -> bool {
    SerialNumber::parse(a).is_err() && !a.bytes().chain(b.bytes()).any(|c| c.is_ascii_digit())
}

/// Reads a transfer file: an Excel workbook when built with the `xlsx`
/// feature and the bytes are one, CSV otherwise.
pub fn read(bytes: &[u8], limits: Limits) -> Result<TransferFile, FileError> {
    check_size(bytes, limits)?;
    #[cfg(feature = "xlsx")]
    if bytes.starts_with(b"PK\x03\x04") {
        return super::xlsx::read_xlsx(bytes, limits);
    }
    read_csv(bytes, limits)
}

pub(crate) fn check_size(bytes: &[u8], limits: Limits) -> Result<(), FileError> {
    if bytes.len() > limits.max_bytes {
        return Err(FileError::TooLarge {
            bytes: bytes.len(),
            limit: limits.max_bytes,
        });
    }
    Ok(())
}

/// Reads a CSV transfer file (any of the encodings of [`Encoding`], any of
/// the delimiters of [`Delimiter`], CRLF or LF, quoted or not).
pub fn read_csv(bytes: &[u8], limits: Limits) -> Result<TransferFile, FileError> {
    check_size(bytes, limits)?;
    if bytes.starts_with(b"PK\x03\x04") {
        // A workbook (or any zip) where text was expected.
        return Err(FileError::Binary);
    }
    let (text, encoding) = decode(bytes)?;
    let delimiter = detect_delimiter(&text);
    let mut sink = RowSink::new(limits);
    // A row takes some 25 bytes ("5CG1234ABC,CUS-00A1B2C3\r\n"): room for
    // that many rows at once, rather than growing 17 times to 100,000.
    sink.rows.reserve((text.len() / 24).min(limits.max_rows));
    if text.as_bytes().contains(&b'"') {
        read_records(text.as_bytes(), delimiter, &mut sink)?;
    } else {
        read_lines(text.as_bytes(), delimiter, &mut sink)?;
    }
    if sink.rows.is_empty() && sink.header.is_none() && !sink.seen_first {
        return Err(FileError::Empty);
    }
    Ok(sink.finish(Format::Csv {
        encoding,
        delimiter,
    }))
}

/// Splits text with quotes into records with the csv reader.
fn read_records(text: &[u8], delimiter: Delimiter, sink: &mut RowSink) -> Result<(), FileError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter.byte())
        .from_reader(text);
    let mut record = csv::ByteRecord::new();
    let mut lines = LineCounter::new(text);
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = lines.line_at(record.position().map_or(0, |p| p.byte()) as usize);
                // The text is valid UTF-8 and delimiters are ASCII, so every
                // field is too.
                let cells = record.iter().map(|f| std::str::from_utf8(f).unwrap_or(""));
                sink.push(line, cells)?;
            }
            // Reading bytes from memory with `flexible` has no error left
            // but I/O, which memory does not have.
            Err(_) => return Err(FileError::Binary),
        }
    }
    Ok(())
}

/// Splits text without a quote (nearly every file) as the csv reader
/// would, but faster: each line (ended by CR, LF or CRLF; blank ones
/// skipped) is a record, and its cells are between the delimiters.
fn read_lines(text: &[u8], delimiter: Delimiter, sink: &mut RowSink) -> Result<(), FileError> {
    let delimiter = delimiter.byte();
    // The line of the record starting at `start`: the LFs before it, as
    // `LineCounter` counts them.
    let mut line = 1u32;
    let mut start = 0;
    while start < text.len() {
        let end = text[start..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .map_or(text.len(), |i| start + i);
        if end > start {
            // The text is valid UTF-8 and the splits are ASCII, so every
            // cell is too.
            let cells = text[start..end]
                .split(move |&b| b == delimiter)
                .map(|f| std::str::from_utf8(f).unwrap_or(""));
            sink.push(line, cells)?;
        }
        start = end;
        while let Some(&b) = text.get(start) {
            match b {
                b'\n' => line += 1,
                b'\r' => {}
                _ => break,
            }
            start += 1;
        }
    }
    Ok(())
}

/// Line numbers of byte offsets, counted forward once through the text.
/// (The csv reader's own line count is off by one after a CRLF.)
struct LineCounter<'t> {
    text: &'t [u8],
    offset: usize,
    line: u32,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t [u8]) -> Self {
        LineCounter {
            text,
            offset: 0,
            line: 1,
        }
    }

    /// The line of the record that the reader says starts at `start`, which
    /// may point at the line break before it. Offsets must not decrease.
    fn line_at(&mut self, mut start: usize) -> u32 {
        while matches!(self.text.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        let start = start.min(self.text.len());
        if start > self.offset {
            self.line += self.text[self.offset..start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u32;
            self.offset = start;
        }
        self.line
    }
}

/// The delimiter that splits the first lines most consistently.
fn detect_delimiter(text: &str) -> Delimiter {
    let sample: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(20)
        .collect();
    let score = |d: Delimiter| {
        let c = d.byte() as char;
        sample.iter().filter(|l| l.contains(c)).count()
    };
    // Ties go to the first: comma, then semicolon, then tab.
    Delimiter::ALL
        .into_iter()
        .rev()
        .max_by_key(|&d| score(d))
        .filter(|&d| score(d) > 0)
        .unwrap_or(Delimiter::Comma)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<TransferFile, FileError> {
        read_csv(text.as_bytes(), Limits::TRANSFER)
    }

    fn serials(file: &TransferFile) -> Vec<&str> {
        file.rows.iter().map(|r| r.serial.text()).collect()
    }

    #[test]
    fn reads_rows_with_their_lines_and_skips_header_and_blanks() {
        let file = read("Serial Number,Customer ID\r\n5cg1234abc,CUS-00A1B2C3\r\n\r\n 8CG5678DEF , CUS-00A1B2C3 \r\n").unwrap();
        assert_eq!(
            file.header.as_deref(),
            Some(&["Serial Number".to_owned(), "Customer ID".to_owned()][..])
        );
        assert_eq!(serials(&file), ["5CG1234ABC", "8CG5678DEF"]);
        assert_eq!(file.rows.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 4]);
        assert_eq!(file.customer_ids, ["CUS-00A1B2C3"]);
        assert_eq!(file.rows[1].customer, Some(0));
    }

    #[test]
    fn detects_delimiters() {
        assert_eq!(detect_delimiter("a;b\nc;d"), Delimiter::Semicolon);
        assert_eq!(detect_delimiter("a\tb\nc\td"), Delimiter::Tab);
        assert_eq!(detect_delimiter("a,b\nc,d"), Delimiter::Comma);
        assert_eq!(detect_delimiter("abc\ndef"), Delimiter::Comma);
    }

    #[test]
    fn a_first_row_with_digits_is_data_not_header() {
        let file = read("5CG12,CUS-1\n").unwrap();
        assert_eq!(file.header, None);
        assert_eq!(file.rows.len(), 1);
        assert!(matches!(file.rows[0].serial, SerialCell::Invalid { .. }));
    }

    #[test]
    fn a_third_column_is_refused_trailing_empty_ones_are_not() {
        assert!(read("5CG1234ABC,CUS-00A1B2C3,,\n").is_ok());
        assert_eq!(
            read("5CG1234ABC,CUS-00A1B2C3\n8CG5678DEF,CUS-00A1B2C3,oops\n").unwrap_err(),
            FileError::ExtraColumn {
                line: 2,
                column: "C".into(),
                value: "oops".into()
            }
        );
    }

    #[test]
    fn quoted_fields_keep_their_delimiters() {
        let file = read("\"5CG1234ABC\";\"CUS-00A1B2C3\"\n\"5CG,12\";\"x\"\n").unwrap();
        assert_eq!(serials(&file), ["5CG1234ABC", "5CG,12"]);
    }

    /// Files without quotes are split without the csv reader: the same
    /// rows, lines and errors as with it, whatever the line breaks, blank
    /// lines, spaces, delimiters and extra columns.
    #[test]
    fn files_without_quotes_read_as_the_csv_reader_reads_them() {
        let pieces = [
            "5CG1234ABC",
            "8cg5678def",
            " 2UA1111AAA ",
            "5CG-01",
            "",
            "  ",
            "Serial Number",
            "CUS-00A1B2C3",
            "cus-00a1b2c3",
            "Customer ID",
            "Problem",
            "x",
            "CUS-0000FAB1",
        ];
        let breaks = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\n\r"];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..3_000 {
            let delimiter = [",", ";", "\t"][next(3)];
            let mut text = String::new();
            for _ in 0..next(8) {
                let cells = 1 + next(4);
                let row: Vec<&str> = (0..cells).map(|_| pieces[next(pieces.len())]).collect();
                text.push_str(&row.join(delimiter));
                text.push_str(breaks[next(breaks.len())]);
            }
            if next(2) == 0 {
                text.push_str(pieces[next(pieces.len())]);
            }
            let (decoded, _) =
                decode(text.as_bytes()).unwrap_or((text.as_str().into(), Encoding::Utf8));
            let delimiter = detect_delimiter(&decoded);
            let (mut fast, mut reader) = (
                RowSink::new(Limits::TRANSFER),
                RowSink::new(Limits::TRANSFER),
            );
            let a = read_lines(decoded.as_bytes(), delimiter, &mut fast);
            let b = read_records(decoded.as_bytes(), delimiter, &mut reader);
            assert_eq!(a, b, "{text:?}");
            let format = Format::Xlsx {
                sheet: String::new(),
            };
            assert_eq!(
                fast.finish(format.clone()),
                reader.finish(format),
                "{text:?}"
            );
        }
    }

    #[test]
    fn row_limit_is_exact() {
        let limits = Limits {
            max_rows: 2,
            ..Limits::TRANSFER
        };
        let two = "5CG1234ABC,CUS-00A1B2C3\n8CG5678DEF,CUS-00A1B2C3\n";
        assert!(read_csv(two.as_bytes(), limits).is_ok());
        let three = format!("{two}\n2UA1111AAA,CUS-00A1B2C3\n");
        assert_eq!(
            read_csv(three.as_bytes(), limits).unwrap_err(),
            FileError::TooManyRows { line: 4, limit: 2 }
        );
    }

    #[test]
    fn size_limit_is_exact() {
        let limits = Limits {
            max_bytes: 10,
            ..Limits::TRANSFER
        };
        assert!(read_csv(b"5CG1234ABC", limits).is_ok());
        assert_eq!(
            read_csv(b"5CG1234ABC\n", limits).unwrap_err(),
            FileError::TooLarge {
                bytes: 11,
                limit: 10
            }
        );
    }
}
