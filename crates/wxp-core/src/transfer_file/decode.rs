//! From bytes to text: byte-order marks, UTF-16, and files that are not
//! text at all.

use super::FileError;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// The text encoding a file was read with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Encoding {
    /// UTF-8 (plain ASCII included).
    Utf8,
    /// UTF-8 with a byte-order mark (Excel's "CSV UTF-8").
    Utf8Bom,
    /// UTF-16 little-endian (Excel's "Unicode text").
    Utf16Le,
    /// UTF-16 big-endian.
    Utf16Be,
    /// A single-byte encoding such as Windows-1252 (Excel's plain "CSV" on
    /// Windows); serial numbers and Customer IDs are ASCII, so reading it
    /// as Latin-1 loses nothing that matters.
    Latin1,
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Utf16Le => "UTF-16 LE",
            Encoding::Utf16Be => "UTF-16 BE",
            Encoding::Latin1 => "Windows-1252",
        })
    }
}

/// Decodes a text file. Borrows the bytes when they are UTF-8.
pub(crate) fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), FileError> {
    if bytes.is_empty() {
        return Err(FileError::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest).map(|text| (text, Encoding::Utf8Bom));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes).map(|t| (Cow::Owned(t), Encoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes).map(|t| (Cow::Owned(t), Encoding::Utf16Be));
    }
    // UTF-16 without a mark: ASCII text then has a zero in every other byte.
    if bytes.len() >= 4 && bytes[1] == 0 && bytes[3] == 0 && bytes[0] != 0 {
        return utf16(bytes, u16::from_le_bytes).map(|t| (Cow::Owned(t), Encoding::Utf16Le));
    }
    if bytes.len() >= 4 && bytes[0] == 0 && bytes[2] == 0 && bytes[1] != 0 {
        return utf16(bytes, u16::from_be_bytes).map(|t| (Cow::Owned(t), Encoding::Utf16Be));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text_only(Cow::Borrowed(text)).map(|t| (t, Encoding::Utf8)),
        Err(_) => text_only(Cow::Owned(bytes.iter().map(|&b| b as char).collect()))
            .map(|t| (t, Encoding::Latin1)),
    }
}

fn utf8(bytes: &[u8]) -> Result<Cow<'_, str>, FileError> {
    let text = std::str::from_utf8(bytes).map_err(|_| FileError::Binary)?;
    text_only(Cow::Borrowed(text))
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, FileError> {
    let units = bytes.chunks(2).map(|pair| match pair {
        [a, b] => unit([*a, *b]),
        _ => 0xFFFD, // an odd trailing byte
    });
    let text: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    match text_only(Cow::Owned(text))? {
        Cow::Owned(text) => Ok(text),
        Cow::Borrowed(text) => Ok(text.to_owned()),
    }
}

/// Rejects text with control characters other than tab and line breaks: a
/// binary file read as text.
fn text_only(text: Cow<'_, str>) -> Result<Cow<'_, str>, FileError> {
    let binary = text
        .bytes()
        .any(|b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C));
    if binary {
        Err(FileError::Binary)
    } else {
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_encoding() {
        assert_eq!(
            decode(b"a,b").unwrap(),
            (Cow::Borrowed("a,b"), Encoding::Utf8)
        );
        assert_eq!(decode(b"\xEF\xBB\xBFa;b").unwrap().1, Encoding::Utf8Bom);
        assert_eq!(decode(b"\xEF\xBB\xBFa;b").unwrap().0, "a;b");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("a\tb".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(
            decode(&le).unwrap(),
            (Cow::Owned::<str>("a\tb".into()), Encoding::Utf16Le)
        );
        let be: Vec<u8> = "ab".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(
            decode(&be).unwrap(),
            (Cow::Owned::<str>("ab".into()), Encoding::Utf16Be)
        );
        assert_eq!(
            decode(b"caf\xE9,1").unwrap(),
            (Cow::Owned::<str>("café,1".into()), Encoding::Latin1)
        );
    }

    #[test]
    fn refuses_what_is_not_text() {
        assert_eq!(decode(b""), Err(FileError::Empty));
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(FileError::Binary)
        );
        assert_eq!(decode(b"abc\x00def"), Err(FileError::Binary));
    }
}
