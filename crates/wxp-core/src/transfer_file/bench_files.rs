//! Large transfer files made up for benchmarks: `rows` serial numbers
//! `5CG0000000`, `5CG0000001`, ... all to [`TARGET`], as CSV or as a
//! minimal Excel workbook.

use super::{Directory, Place};
use crate::fast_hash::FastSet;
use crate::ids::CustomerId;
use crate::serial::SerialNumber;
use std::io::Write;

/// The Customer ID every row names.
pub const TARGET: &str = "CUS-0000C0A7";

/// The serial number of row `i`.
pub fn serial(i: usize) -> String {
    format!("5CG{i:07}")
}

/// A CSV transfer file with a header and CRLF line ends.
pub fn csv(rows: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(rows * 25 + 32);
    out.extend_from_slice(b"Serial Number,Customer ID\r\n");
    for i in 0..rows {
        write!(out, "{},{TARGET}\r\n", serial(i)).expect("writing to memory");
    }
    out
}

/// A workbook whose one sheet holds the same rows as inline strings.
pub fn xlsx(rows: usize) -> Vec<u8> {
    let mut sheet = String::with_capacity(rows * 120);
    sheet.push_str(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#);
    let row = |sheet: &mut String, r: usize, a: &str, b: &str| {
        sheet.push_str(&format!(
            r#"<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{a}</t></is></c><c r="B{r}" t="inlineStr"><is><t>{b}</t></is></c></row>"#
        ));
    };
    row(&mut sheet, 1, "Serial Number", "Customer ID");
    for i in 0..rows {
        row(&mut sheet, i + 2, &serial(i), TARGET);
    }
    sheet.push_str("</sheetData></worksheet>");
    let files = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_owned()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_owned()),
        ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Transfer" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_owned()),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_owned()),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .large_file(true);
    for (name, body) in files {
        zip.start_file(name, options).expect("writing to memory");
        zip.write_all(body.as_bytes()).expect("writing to memory");
    }
    zip.finish().expect("writing to memory").into_inner()
}

/// The account the benchmark files are reviewed against: [`TARGET`] is
/// Contoso Ltd, and the page holds every serial of the file but one in a
/// thousand (which the review then reports as not found).
pub struct BenchDirectory(FastSet<SerialNumber>);

impl BenchDirectory {
    /// The directory for a file of `rows` rows.
    pub fn new(rows: usize) -> BenchDirectory {
        BenchDirectory(
            (0..rows)
                .filter(|i| i % 1000 != 999)
                .map(|i| SerialNumber::parse(&serial(i)).expect("bench serials are well formed"))
                .collect(),
        )
    }
}

impl Directory for BenchDirectory {
    fn customer_name(&self, id: &CustomerId) -> Option<String> {
        (id.as_str() == TARGET).then(|| "Contoso Ltd".to_owned())
    }
    fn in_source(&self, serial: &SerialNumber) -> bool {
        self.0.contains(serial)
    }
    fn locate(&self, _: &SerialNumber) -> Option<Place> {
        None
    }
}
